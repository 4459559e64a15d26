namespace CstmML.Scoring.Actor;

/// <summary>One ranked actor candidate: calibrated probability and the techniques that set it apart from the next-best (or best) candidate.</summary>
public sealed record ActorCandidate(string Label, double Probability, IReadOnlyList<string> Evidence);
