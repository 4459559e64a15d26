using CstmML.Training.Evaluation;
using CstmML.Training.Labels;

namespace CstmML.Training.Dataset;

/// <summary>The labelled sequences of a data folder, every labels issue (with its line) and the summary.</summary>
public sealed record CorpusDatasetResult
{
    /// <summary>One row per sequence, sorted by sequence id.</summary>
    public required IReadOnlyList<LabelledSequence> Rows { get; init; }

    /// <summary>Labels problems: parse errors, overlaps, unknown principals or alert ids; sorted by line.</summary>
    public required IReadOnlyList<LabelIssue> LabelIssues { get; init; }

    /// <summary>Counts for the dataset report.</summary>
    public required DatasetSummary Summary { get; init; }

    /// <summary>For every incident row (by sequence id), every campaign/incident key its labelled alerts belong to.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> IncidentKeys { get; init; }

    /// <summary>True when no labels issue is an error (training refuses data with label errors).</summary>
    public bool LabelsValid => LabelIssues.All(i => i.Severity != LabelIssueSeverity.Error);
}
