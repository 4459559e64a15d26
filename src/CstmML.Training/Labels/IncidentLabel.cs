namespace CstmML.Training.Labels;

/// <summary>One row of a labels file: an incident or a benign window, by principal and time window and/or alert ids.</summary>
public sealed record IncidentLabel
{
    /// <summary>Incident or benign.</summary>
    public required LabelKind Kind { get; init; }

    /// <summary>Account, subscription or project id; "" matches the principal in any account.</summary>
    public string Account { get; init; } = string.Empty;

    /// <summary>Canonical principal as <c>cstm map</c> emits it (an assumed role's role ARN); "" for an alert-id-only row.</summary>
    public string Principal { get; init; } = string.Empty;

    /// <summary>Inclusive window start, UTC; null for an alert-id-only row.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Exclusive window end, UTC; null for an alert-id-only row.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Alert ids the row covers, in addition to the window.</summary>
    public IReadOnlyList<string> AlertIds { get; init; } = [];

    /// <summary>Actor class (required for incidents; the role archetype or "" for benign rows).</summary>
    public string Actor { get; init; } = string.Empty;

    /// <summary>Optional campaign id grouping several rows of one intrusion.</summary>
    public string CampaignId { get; init; } = string.Empty;

    public string Notes { get; init; } = string.Empty;

    /// <summary>1-based line of the row in its file (0 for labels built in code).</summary>
    public long Line { get; init; }

    /// <summary>True when the row defines a principal time window.</summary>
    public bool HasWindow => Start is not null && End is not null && Principal.Length > 0;

    /// <summary>True when <paramref name="time"/> is in [Start, End).</summary>
    public bool Contains(DateTimeOffset time) => HasWindow && time >= Start!.Value && time < End!.Value;
}
