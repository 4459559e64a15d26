namespace CstmML.Scoring.Results;

/// <summary>The sequence against its principal's baseline (or the cohort/global fallback named in <see cref="Baseline"/>).</summary>
public sealed record AnomalyResult
{
    /// <summary>0..1, higher is more anomalous.</summary>
    public required double Score { get; init; }

    public required double Threshold { get; init; }

    public required bool IsAnomalous { get; init; }

    /// <summary>role | cohort | global.</summary>
    public required string Baseline { get; init; }

    /// <summary>The baseline's key (the role ARN, cohort name or "global").</summary>
    public string? BaselineKey { get; init; }

    /// <summary>The n-grams that contributed most (least likely under the baseline).</summary>
    public IReadOnlyList<NgramContribution> TopNgrams { get; init; } = [];

    public RarestWindow? RarestWindow { get; init; }

    /// <summary>Short human-readable statements of how the sequence differs from the baseline.</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];
}
