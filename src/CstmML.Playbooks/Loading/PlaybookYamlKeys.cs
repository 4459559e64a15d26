namespace CstmML.Playbooks.Loading;

/// <summary>The keys and enumerated values of the playbook YAML format (a contract, mirrored by docs/playbook.schema.json).</summary>
public static class PlaybookYamlKeys
{
    public const string Id = "id";
    public const string Version = "version";
    public const string Actor = "actor";
    public const string Behaviour = "behaviour";
    public const string Description = "description";
    public const string References = "references";
    public const string Attack = "attack";
    public const string Severity = "severity";
    public const string GroupBy = "group_by";
    public const string Window = "window";
    public const string Minimum = "minimum";
    public const string Steps = "steps";

    public const string Name = "name";
    public const string Match = "match";
    public const string Within = "within";
    public const string Count = "count";
    public const string Distinct = "distinct";
    public const string Optional = "optional";
    public const string Absent = "absent";
    public const string AnyOrder = "any_order";

    public const string Type = "type";
    public const string EventName = "event_name";
    public const string Service = "service";
    public const string Technique = "technique";
    public const string Tactic = "tactic";
    public const string Provider = "provider";
    public const string Product = "product";
    public const string Outcome = "outcome";
    public const string UserAgent = "user_agent";

    public const string Min = "min";
    public const string Period = "period";
    public const string Field = "field";

    public const string GroupByAccountPrincipal = "account_principal";
    public const string GroupByAccount = "account";
    public const string GroupByPrincipal = "principal";
    public const string GroupBySourceIp = "source_ip";
    public const string GroupByAccessKey = "access_key";

    public const string PlaybookFileName = "playbook.yaml";
}
