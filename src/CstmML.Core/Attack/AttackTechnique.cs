using CstmML.Core.Alerts;

namespace CstmML.Core.Attack;

/// <summary>A live technique or sub-technique of the pinned ATT&amp;CK version.</summary>
/// <param name="Tactics">Its tactics in kill-chain order.</param>
/// <param name="CloudRelevant">True when any platform is IaaS, SaaS, Office Suite, Identity Provider or Containers.</param>
public sealed record AttackTechnique(
    TechniqueId Id,
    string Name,
    string FullName,
    TechniqueId? Parent,
    IReadOnlyList<TacticId> Tactics,
    IReadOnlyList<string> Platforms,
    bool CloudRelevant);
