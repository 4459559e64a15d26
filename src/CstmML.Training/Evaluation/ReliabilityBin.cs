namespace CstmML.Training.Evaluation;

/// <summary>One confidence bin of a reliability diagram.</summary>
public sealed record ReliabilityBin(double Center, double MeanConfidence, double Accuracy, int Count);
