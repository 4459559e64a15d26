namespace CstmML.Scoring.Results;

/// <summary>The window of the sequence with the lowest mean log-likelihood under the baseline.</summary>
public sealed record RarestWindow(int StartIndex, IReadOnlyList<string> Tokens, IReadOnlyList<string> AlertIds, double MeanLogProbability);
