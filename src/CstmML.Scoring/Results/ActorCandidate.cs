using CstmML.Core.Alerts;

namespace CstmML.Scoring.Results;

/// <summary>One candidate actor with its calibrated probability and the observed techniques that support it.</summary>
public sealed record ActorCandidate(string Label, double Probability, IReadOnlyList<TechniqueId> Evidence);
