namespace CstmML.Playbooks.Model;

/// <summary>The alert field a <see cref="DistinctRequirement"/> counts distinct values of.</summary>
public enum DistinctField
{
    Region,
    SourceIp,
    Type,
    Service,
    UserAgent,
    Principal,
    Account,
}
