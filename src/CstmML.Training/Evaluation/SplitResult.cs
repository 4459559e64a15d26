namespace CstmML.Training.Evaluation;

/// <summary>The three folds of a grouped split; no group appears in two of them.</summary>
public sealed record SplitResult(
    IReadOnlyList<LabelledSequence> Train,
    IReadOnlyList<LabelledSequence> Calibration,
    IReadOnlyList<LabelledSequence> Test);
