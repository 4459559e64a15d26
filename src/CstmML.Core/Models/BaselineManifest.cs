namespace CstmML.Core.Models;

/// <summary>Where the per-role anomaly baselines live and how they were built.</summary>
public sealed record BaselineManifest
{
    /// <summary>JSON with every baseline (role, cohort, global): Markov chains, score distributions, thresholds.</summary>
    public required string File { get; init; }

    /// <summary>Token kind of the Markov chains (<c>alert_type</c> or <c>technique</c>).</summary>
    public required string Tokens { get; init; }

    /// <summary>Minimum benign sequences for a principal to get its own baseline.</summary>
    public required int MinRoleHistory { get; init; }

    /// <summary>Per-baseline threshold = this quantile of its own benign combined scores.</summary>
    public required double ThresholdQuantile { get; init; }

    /// <summary>How the two signals are combined (documented in docs/models.md).</summary>
    public required string Combination { get; init; }

    /// <summary>The plain first-order Markov comparison model (evaluation only).</summary>
    public required string ComparisonFile { get; init; }
}
