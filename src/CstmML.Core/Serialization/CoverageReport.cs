namespace CstmML.Core.Serialization;

/// <summary>The output of <c>cstm coverage</c>: mapped alert types per provider and product.</summary>
public sealed record CoverageReport(string AttackVersion, IReadOnlyList<CoverageRow> Rows);
