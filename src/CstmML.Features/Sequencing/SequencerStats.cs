namespace CstmML.Features.Sequencing;

/// <summary>Counters of one <see cref="Sequencer"/>.</summary>
public sealed record SequencerStats
{
    /// <summary>Alerts accepted (not duplicates).</summary>
    public long Alerts { get; init; }

    /// <summary>Alerts dropped because their id was already in the key's open or retained sessions.</summary>
    public long Duplicates { get; init; }

    /// <summary>Alerts that arrived with an event time older than the watermark.</summary>
    public long LateAlerts { get; init; }

    /// <summary>Emitted sessions that late alerts re-opened.</summary>
    public long Reopened { get; init; }

    /// <summary>Sequences emitted (closed and revised).</summary>
    public long Emitted { get; init; }

    /// <summary>Alerts currently held in open sessions.</summary>
    public long Buffered { get; init; }
}
