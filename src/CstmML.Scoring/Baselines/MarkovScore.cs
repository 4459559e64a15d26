namespace CstmML.Scoring.Baselines;

/// <summary>A sequence scored by a Markov chain.</summary>
/// <param name="MeanLogLikelihood">Mean natural-log transition probability over the whole padded sequence.</param>
/// <param name="Rarest">The rarest window.</param>
/// <param name="LowestTransitions">Up to three least likely transitions as <c>a -&gt; b (p=..)</c>, least likely first.</param>
public sealed record MarkovScore(double MeanLogLikelihood, MarkovWindow Rarest, IReadOnlyList<string> LowestTransitions);
