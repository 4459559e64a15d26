using CstmML.Training.Evaluation;

namespace CstmML.Training.Dataset;

/// <summary>The rows a model did not train or calibrate on, and how they were chosen.</summary>
/// <param name="Rows">Test-fold rows plus rows of groups the model never saw.</param>
/// <param name="TestFold">Rows whose group the saved split put in the test fold.</param>
/// <param name="Unseen">Rows whose group is not in the saved split (new data): held out by construction.</param>
/// <param name="Excluded">Rows of train or calibration groups, left out.</param>
public sealed record HeldOutSelection(IReadOnlyList<LabelledSequence> Rows, int TestFold, int Unseen, int Excluded);
