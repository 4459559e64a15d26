using CstmML.Core.Alerts;

namespace CstmML.Core.Attack;

/// <summary>An Enterprise tactic with its kill-chain position (1 = Reconnaissance ... 14 = Impact).</summary>
public sealed record AttackTactic(TacticId Id, string ShortName, string Name, int Order);
