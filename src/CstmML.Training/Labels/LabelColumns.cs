namespace CstmML.Training.Labels;

/// <summary>The column names of <c>labels.csv</c> (a contract documented in docs/training-data.md).</summary>
public static class LabelColumns
{
    public const string Kind = "kind";
    public const string Account = "account";
    public const string Principal = "principal";
    public const string Start = "start";
    public const string End = "end";
    public const string AlertIds = "alert_ids";
    public const string Actor = "actor";
    public const string CampaignId = "campaign_id";
    public const string Notes = "notes";

    /// <summary>The columns in the order the writer emits them.</summary>
    public static IReadOnlyList<string> All { get; } = [Kind, Account, Principal, Start, End, AlertIds, Actor, CampaignId, Notes];

    /// <summary>The columns every labels file must have (the others may be left out).</summary>
    public static IReadOnlyList<string> Required { get; } = [Kind, Principal, Start, End, Actor];

    /// <summary>The separator of several ids inside <see cref="AlertIds"/>.</summary>
    public const char AlertIdSeparator = ';';

    /// <summary>The <see cref="Kind"/> value of an incident row.</summary>
    public const string IncidentKind = "incident";

    /// <summary>The <see cref="Kind"/> value of a benign window row.</summary>
    public const string BenignKind = "benign";
}
