namespace CstmML.Scoring.Results;

/// <summary>0-100 risk and the reasons that produced it.</summary>
public sealed record RiskResult(int Score, IReadOnlyList<RiskReason> Reasons);
