namespace CstmML.Scoring.Results;

/// <summary>
/// One ranked actor candidate: its calibrated probability and the sequence's techniques that set it apart from the
/// runner-up (for the top candidate) or from the top (for the others), e.g. <c>T1098 (0.92 vs 0.10)</c>.
/// </summary>
public sealed record ActorCandidate(string Label, double Probability, IReadOnlyList<string> Evidence);
