namespace CstmML.Training.Evaluation;

/// <summary>Precision, recall and F1 of one class (0 when undefined).</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
