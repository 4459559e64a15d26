namespace CstmML.Core.Serialization;

/// <summary>The closing summary of a run over input files (printed on stderr, optionally written as JSON).</summary>
public sealed record RunSummary
{
    /// <summary>The verb that ran, e.g. <c>map</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Files opened.</summary>
    public long Files { get; init; }

    /// <summary>Records read (including those later rejected or dropped as duplicates).</summary>
    public long Read { get; init; }

    public long Normalized { get; init; }

    public long Rejected { get; init; }

    /// <summary>Records dropped because their alert id was already seen.</summary>
    public long Duplicate { get; init; }

    /// <summary>Records per format that won detection, keyed by source name.</summary>
    public IReadOnlyDictionary<string, long> ByFormat { get; init; } = new Dictionary<string, long>();

    /// <summary>Alert types that mapped to no technique, with counts, per product.</summary>
    public IReadOnlyList<TypeCount> Unmapped { get; init; } = [];

    /// <summary>Distinct normalization notes with counts.</summary>
    public IReadOnlyList<NoteCount> Notes { get; init; } = [];

    /// <summary>Sequences written (sequences verb only).</summary>
    public long? Sequences { get; init; }

    /// <summary>Alerts that arrived after the watermark (sequences verb only).</summary>
    public long? LateAlerts { get; init; }

    /// <summary>Wall time of the run in milliseconds, from the injected TimeProvider.</summary>
    public double ElapsedMs { get; init; }
}
