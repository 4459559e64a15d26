namespace CstmML.Scoring.Baselines;

/// <summary>The anomaly part of a scoring result.</summary>
public sealed record AnomalyResult
{
    /// <summary>-log10 of the combined tail probability (higher = more anomalous).</summary>
    public required double Score { get; init; }

    public required double Threshold { get; init; }

    public bool IsAnomalous => Score > Threshold;

    /// <summary>Which baseline scored it: role, cohort or global.</summary>
    public required BaselineLevel Baseline { get; init; }

    public required string BaselineKey { get; init; }

    /// <summary>Negative mean log-likelihood of the rarest window.</summary>
    public required double MarkovSignal { get; init; }

    public required double MarkovTailProbability { get; init; }

    /// <summary>Min squared distance to a KMeans centroid, when the baseline has one.</summary>
    public double? KMeansDistance { get; init; }

    public double? KMeansTailProbability { get; init; }

    /// <summary>Least likely transitions (top contributing n-grams).</summary>
    public required IReadOnlyList<string> TopNgrams { get; init; }

    public required MarkovWindow RarestWindow { get; init; }
}
