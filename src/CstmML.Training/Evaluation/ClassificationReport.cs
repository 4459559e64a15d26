namespace CstmML.Training.Evaluation;

/// <summary>Actor attribution metrics over the incident sequences of an evaluation set.</summary>
/// <param name="PerClass">One entry per known class, in class-label order.</param>
/// <param name="MacroF1">Mean F1 over known classes (abstentions count as misses; see docs/models.md).</param>
/// <param name="AbstainRate">Share of incident sequences answered "unknown".</param>
/// <param name="OpenSetAbstainRate">Share of sequences of actors unseen in training that were answered "unknown" (null if none).</param>
/// <param name="Labels">Confusion-matrix axes: the known classes, then "unknown" (abstained / unseen actor).</param>
/// <param name="Confusion">Counts [true, predicted] over <paramref name="Labels"/>.</param>
public sealed record ClassificationReport(
    IReadOnlyList<ClassMetrics> PerClass,
    double MacroF1,
    double AbstainRate,
    double? OpenSetAbstainRate,
    IReadOnlyList<string> Labels,
    int[,] Confusion);
