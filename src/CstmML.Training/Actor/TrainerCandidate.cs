namespace CstmML.Training.Actor;

/// <summary>One compared trainer's validation result.</summary>
public sealed record TrainerCandidate(string Trainer, double ValidationLogLoss, double ValidationAccuracy, bool Chosen);
