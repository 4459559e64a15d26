namespace CstmML.Scoring.Actor;

/// <summary>The share of one class's training sequences that contain a technique.</summary>
public sealed record TechniqueFrequency(string Technique, double Share);
