namespace CstmML.Scoring.Results;

/// <summary>One contribution to the risk: a stable code, the points it added, and a sentence for analysts.</summary>
public sealed record RiskReason(string Code, double Points, string Text);
