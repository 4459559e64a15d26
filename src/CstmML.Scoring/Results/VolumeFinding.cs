namespace CstmML.Scoring.Results;

/// <summary>An hourly volume spike or change point (per account or principal, optionally per tactic).</summary>
public sealed record VolumeFinding
{
    /// <summary>spike | level_shift.</summary>
    public required string Kind { get; init; }

    /// <summary>account | principal.</summary>
    public required string Scope { get; init; }

    public required string Key { get; init; }

    /// <summary>The tactic id, or null for all alerts.</summary>
    public string? Tactic { get; init; }

    public required DateTimeOffset HourStart { get; init; }

    public required double Observed { get; init; }

    public required double Expected { get; init; }

    /// <summary>Robust z-score: (observed − expected) / (1.4826 · MAD).</summary>
    public required double Score { get; init; }
}
