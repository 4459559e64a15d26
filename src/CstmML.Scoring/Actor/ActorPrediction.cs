namespace CstmML.Scoring.Actor;

/// <summary>The actor answer for one sequence: a label or "unknown", its calibrated probability, and ranked candidates.</summary>
public sealed record ActorPrediction
{
    /// <summary>The predicted actor, or <c>unknown</c> when the classifier abstains.</summary>
    public required string Label { get; init; }

    /// <summary>Calibrated probability of the top candidate.</summary>
    public required double Probability { get; init; }

    /// <summary>Null when answered; else one of <see cref="AbstainReasons"/>.</summary>
    public string? AbstainReason { get; init; }

    /// <summary>Distance to the nearest class centroid (the OOD statistic).</summary>
    public required double CentroidDistance { get; init; }

    /// <summary>All classes by calibrated probability, highest first.</summary>
    public required IReadOnlyList<ActorCandidate> Candidates { get; init; }

    /// <summary>Calibrated probabilities in class-label order (for evaluation).</summary>
    public required IReadOnlyList<double> Probabilities { get; init; }

    public bool IsUnknown => AbstainReason is not null;
}
