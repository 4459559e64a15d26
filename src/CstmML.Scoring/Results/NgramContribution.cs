namespace CstmML.Scoring.Results;

/// <summary>An n-gram of tokens and its log-probability under the baseline (lower = more surprising).</summary>
public sealed record NgramContribution(IReadOnlyList<string> Ngram, double LogProbability);
