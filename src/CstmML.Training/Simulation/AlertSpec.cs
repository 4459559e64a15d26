namespace CstmML.Training.Simulation;

/// <summary>An alert a stage may raise: a GuardDuty finding type, Defender AlertType or SCC category, with its chance.</summary>
internal sealed record AlertSpec(string Type, double Probability);
