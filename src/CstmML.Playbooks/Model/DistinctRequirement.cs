namespace CstmML.Playbooks.Model;

/// <summary>A step holds only once its matching alerts cover at least <paramref name="Min"/> distinct values of <paramref name="Field"/>.</summary>
public sealed record DistinctRequirement(DistinctField Field, int Min);
