using System.Text.Json.Serialization;

namespace CstmML.Scoring.Results;

/// <summary>A ranked, calibrated attribution hypothesis; <see cref="Label"/> is "unknown" when the model abstains.</summary>
public sealed record ActorResult
{
    /// <summary>The predicted actor, or <c>unknown</c> when the classifier abstains.</summary>
    public required string Label { get; init; }

    /// <summary>Calibrated probability of the top candidate.</summary>
    public required double Probability { get; init; }

    /// <summary>True when the classifier answered "unknown".</summary>
    public bool Abstained => AbstainReason is not null;

    /// <summary>Null when answered; else one of <c>Actor.AbstainReasons</c> (low_confidence, out_of_distribution).</summary>
    public string? AbstainReason { get; init; }

    /// <summary>Distance to the nearest class centroid (the out-of-distribution statistic).</summary>
    public double CentroidDistance { get; init; }

    /// <summary>The classes by calibrated probability, highest first (at most five).</summary>
    public IReadOnlyList<ActorCandidate> Candidates { get; init; } = [];

    /// <summary>Calibrated probabilities in class-label order (for evaluation; not written to results).</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Probabilities { get; init; } = [];
}
