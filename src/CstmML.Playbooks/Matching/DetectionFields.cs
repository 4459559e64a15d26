namespace CstmML.Playbooks.Matching;

/// <summary>JSON field names of a detection (a contract: <c>cstm match</c> output, scoring results, the host).</summary>
public static class DetectionFields
{
    public const string PlaybookId = "playbook_id";
    public const string Version = "version";
    public const string Actor = "actor";
    public const string Severity = "severity";
    public const string GroupKey = "group_key";
    public const string StepsMatched = "steps_matched";
    public const string StepsTotal = "steps_total";
    public const string Minimum = "minimum";
    public const string Complete = "complete";
    public const string Start = "start";
    public const string End = "end";
    public const string Steps = "steps";
    public const string MissingSteps = "missing_steps";
    public const string Attack = "attack";
    public const string Name = "name";
    public const string AlertIds = "alert_ids";
    public const string Matched = "matched";
}
