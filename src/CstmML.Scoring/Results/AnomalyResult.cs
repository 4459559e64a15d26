using CstmML.Scoring.Baselines;

namespace CstmML.Scoring.Results;

/// <summary>The sequence against its principal's baseline (or the cohort/global fallback named in <see cref="Baseline"/>).</summary>
public sealed record AnomalyResult
{
    /// <summary>-log10 of the combined tail probability (higher = more anomalous).</summary>
    public required double Score { get; init; }

    /// <summary>The baseline's own threshold (0.99 quantile of its out-of-fold benign scores).</summary>
    public required double Threshold { get; init; }

    /// <summary>True when <see cref="Score"/> exceeds <see cref="Threshold"/>.</summary>
    public bool IsAnomalous => Score > Threshold;

    /// <summary>Which baseline scored it: role, cohort or global.</summary>
    public required BaselineLevel Baseline { get; init; }

    /// <summary>The baseline's key (account/principal, cohort:type or global).</summary>
    public required string BaselineKey { get; init; }

    /// <summary>Negative mean log-likelihood of the rarest window.</summary>
    public required double MarkovSignal { get; init; }

    /// <summary>Upper-tail probability of <see cref="MarkovSignal"/> among the baseline's benign sequences.</summary>
    public required double MarkovTailProbability { get; init; }

    /// <summary>Min squared distance to a KMeans centroid, when the baseline has one.</summary>
    public double? KMeansDistance { get; init; }

    /// <summary>Upper-tail probability of <see cref="KMeansDistance"/>, when the baseline has a KMeans model.</summary>
    public double? KMeansTailProbability { get; init; }

    /// <summary>The least likely transitions (the n-grams that contributed most), e.g. <c>a -&gt; b (p=0.001)</c>.</summary>
    public required IReadOnlyList<string> TopNgrams { get; init; }

    /// <summary>The window of consecutive transitions with the lowest mean log-likelihood.</summary>
    public required MarkovWindow RarestWindow { get; init; }

    /// <summary>The alert ids inside <see cref="RarestWindow"/> (start/end tokens have none); filled by the scoring engine.</summary>
    public IReadOnlyList<string> RarestWindowAlertIds { get; init; } = [];

    /// <summary>
    /// How many of the sequence's tokens (alert types or technique steps, as the baseline counts them) the baseline never
    /// saw in its benign history; filled by the scoring engine (0 when the baseline has no vocabulary to compare with).
    /// </summary>
    public int UnseenSteps { get; init; }

    /// <summary>The distinct tokens behind <see cref="UnseenSteps"/>, in first-seen order (at most 20); filled by the scoring engine.</summary>
    public IReadOnlyList<string> UnseenTokens { get; init; } = [];

    /// <summary>Short statements of how the sequence differs from the baseline; filled by the scoring engine.</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];
}
