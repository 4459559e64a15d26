using CstmML.Scoring.Results;

namespace CstmML.Scoring;

/// <summary>Run-level evidence a scorer may fold into each result (volume spikes covering the sequence).</summary>
public sealed record ScoringContext
{
    /// <summary>Returns the volume findings covering (start, end, account, principal); null when no volume analysis ran.</summary>
    public Func<DateTimeOffset, DateTimeOffset, string, string, IReadOnlyList<VolumeFinding>>? VolumeCovering { get; init; }
}
