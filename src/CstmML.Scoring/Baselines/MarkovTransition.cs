namespace CstmML.Scoring.Baselines;

/// <summary>An observed transition count of a Markov chain.</summary>
public sealed record MarkovTransition(string From, string To, int Count);
