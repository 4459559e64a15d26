namespace CstmML.Scoring.Baselines;

/// <summary>The rarest window: the run of consecutive transitions with the lowest mean log-likelihood.</summary>
/// <param name="Start">Index of the window's first token in the padded token list (0 = start token).</param>
/// <param name="Tokens">The window's tokens (transitions + 1).</param>
public sealed record MarkovWindow(int Start, IReadOnlyList<string> Tokens, double MeanLogLikelihood);
