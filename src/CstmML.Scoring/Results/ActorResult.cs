namespace CstmML.Scoring.Results;

/// <summary>A ranked, calibrated attribution hypothesis; <see cref="Label"/> is "unknown" when the model abstains.</summary>
public sealed record ActorResult
{
    public required string Label { get; init; }

    /// <summary>Calibrated probability of the top candidate.</summary>
    public required double Probability { get; init; }

    public required bool Abstained { get; init; }

    /// <summary>Why it abstained (low confidence, out of distribution), when it did.</summary>
    public string? AbstainReason { get; init; }

    public IReadOnlyList<ActorCandidate> Candidates { get; init; } = [];
}
