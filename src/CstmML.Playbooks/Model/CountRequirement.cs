namespace CstmML.Playbooks.Model;

/// <summary>A step holds only once at least <paramref name="Min"/> matching alerts fall inside one <paramref name="Period"/>.</summary>
public sealed record CountRequirement(int Min, TimeSpan Period);
