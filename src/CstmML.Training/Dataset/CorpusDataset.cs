using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Core.Serialization;
using CstmML.Features.Featurization;
using CstmML.Features.Sequencing;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;
using CstmML.Scoring.Baselines;
using CstmML.Training.Evaluation;
using CstmML.Training.Labels;

namespace CstmML.Training.Dataset;

/// <summary>
/// A data folder (any raw input ingestion reads, plus <c>labels.csv</c>) to <see cref="LabelledSequence"/> rows:
/// ingest (rejects reported, never fatal) -> sort by (time, id) -> sequence -> label (<see cref="SequenceLabeler"/>)
/// -> featurize. Labels are checked against the principals and alert ids actually read.
/// </summary>
public static class CorpusDataset
{
    /// <summary>Files at the top of a data folder that describe the data and are not input (the simulator writes them).</summary>
    public static readonly IReadOnlyList<string> SidecarFiles = ["manifest.json"];

    /// <summary>Builds the dataset of <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static CorpusDatasetResult Build(
        string dataDirectory, CorpusDatasetOptions? options = null, Action<RejectRecord>? onReject = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        options ??= new CorpusDatasetOptions();
        if (!Directory.Exists(dataDirectory))
        {
            throw new DirectoryNotFoundException($"data folder '{dataDirectory}' does not exist.");
        }

        var labelsPath = Path.Combine(dataDirectory, options.LabelsFileName);
        var parsed = LabelsFile.Load(labelsPath);
        var issues = parsed.Issues.ToList();

        long rejected = 0;
        void Reject(RejectRecord r)
        {
            rejected++;
            onReject?.Invoke(r);
        }

        var alerts = ReadAlerts(dataDirectory, labelsPath, Reject, out var counters);
        progress?.Report($"read {alerts.Count} alerts from {counters.Files} files ({rejected} rejected)");

        // Labels must label something: a window on an unseen principal or ids that never occur would silently teach nothing.
        issues.AddRange(LabelsFile.Validate(parsed.Labels, alerts.Select(a => (a.Account, a.Principal)).Distinct(), labelsPath));
        issues.AddRange(CheckAlertIds(parsed.Labels, alerts, labelsPath));
        issues.Sort((a, b) => a.Line.CompareTo(b.Line));

        var sequences = Sequence(alerts, options.Sequencing);
        progress?.Report($"built {sequences.Count} sequences");

        var labeler = new SequenceLabeler(new LabelIndex(parsed.Labels), options.LabelsFileName);
        var labels = sequences.Select(labeler.Label).ToArray();
        var merger = new GroupMerger();
        foreach (var l in labels)
        {
            merger.Link(l.Keys);
        }

        var featurizer = new SequenceFeaturizer(options.Schema);
        var rows = new LabelledSequence[sequences.Count];
        var keys = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            var (s, l) = (sequences[i], labels[i]);
            var group = l.Keys.Count > 0 ? merger.Find(l.Keys[0]) : null;
            rows[i] = new LabelledSequence(s, featurizer.Featurize(s), l.Actor, l.IncidentId, group, BaselineKeys.RoleOf(s));
            if (l.Actor is not null)
            {
                keys[s.SequenceId] = l.Keys;
            }
        }

        progress?.Report($"featurized {rows.Length} sequences ({featurizer.Dimension} features)");
        return new CorpusDatasetResult
        {
            Rows = rows,
            LabelIssues = issues,
            IncidentKeys = keys,
            Summary = new DatasetSummary
            {
                Files = counters.Files,
                Alerts = alerts.Count,
                RejectedAlerts = rejected,
                DuplicateAlerts = counters.Duplicate,
                IncidentAlerts = labels.Sum(l => (long)l.IncidentAlerts),
                Sequences = rows.Length,
                SequencesPerActor = Count(rows.Where(r => r.Actor is not null).Select(r => r.Actor!)),
                BenignPerRole = Count(rows.Where(r => !r.IsIncident).Select(r => r.Role)),
                MixedActorSequences = labels.Count(l => l.MixedActors),
            },
        };
    }

    private static List<NormalizedAlert> ReadAlerts(string dataDirectory, string labelsPath, Action<RejectRecord> onReject, out PipelineCounters counters)
    {
        var sidecars = SidecarFiles.Select(f => Path.GetFullPath(Path.Combine(dataDirectory, f)))
            .Append(Path.GetFullPath(labelsPath))
            .ToHashSet(StringComparer.Ordinal);
        var (files, errors) = InputFiles.Expand([dataDirectory]);
        var inputs = files.Where(f => !sidecars.Contains(Path.GetFullPath(f))).ToList();
        var pipeline = new AlertPipeline(SourceRegistry.Default, new PipelineOptions(), onReject);
        foreach (var e in errors)
        {
            onReject(e);
        }

        if (inputs.Count == 0)
        {
            onReject(new RejectRecord(dataDirectory, 0, null, "no input files besides the labels file"));
        }

        // Training sees all alerts at once: sorting by (time, id) makes the sessions independent of file order.
        var alerts = pipeline.Run(inputs)
            .OrderBy(a => a.Time)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        counters = pipeline.Counters;
        return alerts;
    }

    // The shared batch sequencer (sorted input, revisions replace what they supersede); ordered by id as before.
    private static List<AlertSequence> Sequence(List<NormalizedAlert> sorted, SequencerOptions options) =>
        [.. BatchSequencing.Sequence(sorted, options with { Lateness = CorpusDatasetOptions.TrainingLateness })
            .OrderBy(s => s.SequenceId, StringComparer.Ordinal)];

    private static IEnumerable<LabelIssue> CheckAlertIds(IReadOnlyList<IncidentLabel> labels, List<NormalizedAlert> alerts, string file)
    {
        var ids = alerts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        ids.UnionWith(alerts.Select(a => SequenceLabeler.ShortIdOf(a.Id)).OfType<string>());
        foreach (var label in labels.Where(l => l.AlertIds.Count > 0))
        {
            var missing = label.AlertIds.Where(id => !ids.Contains(id)).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            // An incident row that labels nothing at all loses its examples: an error; a partial miss is a warning.
            var nothing = missing.Length == label.AlertIds.Count && !label.HasWindow;
            var severity = nothing && label.Kind == LabelKind.Incident ? LabelIssueSeverity.Error : LabelIssueSeverity.Warning;
            yield return new LabelIssue(file, label.Line, LabelColumns.AlertIds, severity,
                $"{missing.Length} of {label.AlertIds.Count} alert id(s) occur in no input alert (first: '{missing[0]}').");
        }
    }

    private static SortedDictionary<string, int> Count(IEnumerable<string> keys)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        return counts;
    }
}
