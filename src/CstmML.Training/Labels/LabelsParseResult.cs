namespace CstmML.Training.Labels;

/// <summary>The usable rows of a labels file and every problem found, in file order.</summary>
public sealed record LabelsParseResult(IReadOnlyList<IncidentLabel> Labels, IReadOnlyList<LabelIssue> Issues)
{
    /// <summary>True when no issue is an error.</summary>
    public bool IsValid => Issues.All(i => i.Severity != LabelIssueSeverity.Error);
}
