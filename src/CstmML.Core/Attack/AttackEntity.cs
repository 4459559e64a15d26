using CstmML.Core.Alerts;

namespace CstmML.Core.Attack;

/// <summary>An ATT&amp;CK group, software or campaign and the techniques it is recorded using.</summary>
/// <param name="Kind">group, software or campaign.</param>
public sealed record AttackEntity(string Kind, string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<TechniqueId> Techniques);
