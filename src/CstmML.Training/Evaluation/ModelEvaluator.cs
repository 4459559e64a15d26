using System.Text.Json.Nodes;
using CstmML.Core.Models;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Models;
using CstmML.Scoring.Results;

namespace CstmML.Training.Evaluation;

/// <summary>
/// Evaluates a model folder (or a model still in memory) on labelled sequences through the runtime scorers:
/// actor attribution (per-class P/R/F1, macro-F1, abstain rate, ECE before/after calibration), anomaly detection
/// (ROC-AUC, TPR at 1% FPR, overall and per role), and the plain Markov comparison on the same rows.
/// </summary>
public static class ModelEvaluator
{
    private const double FprForTpr = 0.01;

    /// <summary>Loads (verifying digests and schema) and evaluates <paramref name="modelDirectory"/>.</summary>
    public static EvaluationResult Evaluate(string modelDirectory, FeatureSchemaInfo schema, IReadOnlyList<LabelledSequence> rows)
    {
        using var model = ModelFolder.Load(modelDirectory, schema);
        return Evaluate(model, rows);
    }

    /// <summary>Evaluates a loaded model.</summary>
    public static EvaluationResult Evaluate(LoadedModel model, IReadOnlyList<LabelledSequence> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        LabelledSequenceValidator.Validate(rows, model.Manifest.FeatureSchema.Dimension);
        var comparisonFile = model.Manifest.Baselines.ComparisonFile;
        var markov = ArtifactJson.Parse(model.FileBytes(comparisonFile), TrainingJsonContext.Default.PlainMarkovBaseline, comparisonFile);
        var classes = model.Actor.ClassLabels;
        var known = new HashSet<string>(classes, StringComparer.Ordinal);

        // Actor attribution on sequences with an actor label.
        var incidents = rows.Where(r => r.Actor is not null).ToArray();
        var predictions = model.Actor.Score(
            incidents.Select(r => r.Features).ToArray(),
            incidents.Select(r => (IReadOnlyList<string>)r.Sequence.Techniques.Select(t => t.Value).ToArray()).ToArray());
        var truth = incidents.Select(r => r.Actor!).ToArray();
        var actorReport = ClassificationMetrics.Compute(truth, predictions.Select(p => p.Label).ToArray(), classes);

        // Calibration on known-actor sequences: the top candidate's probability against whether it is right.
        var knownIdx = Enumerable.Range(0, incidents.Length).Where(i => known.Contains(truth[i])).ToArray();
        var raw = model.Actor.RawProbabilities(knownIdx.Select(i => incidents[i].Features).ToArray());
        var rawConf = raw.Select(p => (double)p.Max()).ToArray();
        var rawCorrect = knownIdx.Select((i, j) => classes[Array.IndexOf(raw[j], raw[j].Max())] == truth[i]).ToArray();
        var calConf = knownIdx.Select(i => predictions[i].Probability).ToArray();
        var calCorrect = knownIdx.Select(i => predictions[i].Candidates[0].Label == truth[i]).ToArray();

        // Plain Markov attribution: argmax of per-actor likelihood, never abstains.
        var markovAttributions = incidents.Select(markov.Attribute).ToArray();
        var markovPred = markovAttributions.Select(a => a.Labels[Array.IndexOf(a.Probabilities, a.Probabilities.Max())]).ToArray();
        var markovReport = ClassificationMetrics.Compute(truth, markovPred, markov.Actors.Keys.ToArray());
        var markovConf = knownIdx.Select(i => markovAttributions[i].Probabilities.Max()).ToArray();
        var markovCorrect = knownIdx.Select(i => markovPred[i] == truth[i]).ToArray();

        // Anomaly: incident sequences are positives, benign ones negatives.
        var set = model.Baselines.Set;
        var anomalies = model.Baselines.Score(rows.Select(r => new BaselineInput(
            r.Role, BaselineKeys.CohortOf(r.Sequence), SequenceTokens.Of(r.Sequence, set.Tokens), r.Features)).ToArray());
        var scores = anomalies.Select(a => a.Score).ToArray();
        var positive = rows.Select(r => r.IsIncident).ToArray();
        var markovScores = rows.Select(markov.AnomalyScore).ToArray();

        var anomalyJson = AnomalyJson(rows, scores, positive);
        anomalyJson[MetricKeys.DetectionRate] = Rate(anomalies, positive, true);
        anomalyJson[MetricKeys.FalsePositiveRate] = Rate(anomalies, positive, false);
        anomalyJson[MetricKeys.BaselineUsage] = new JsonObject(anomalies
            .GroupBy(a => a.Baseline)
            .OrderBy(g => g.Key)
            .Select(g => KeyValuePair.Create(g.Key.ToString().ToLowerInvariant(), (JsonNode?)g.Count())));

        var metrics = new JsonObject
        {
            [MetricKeys.Actor] = ActorJson(actorReport, incidents.Length, calConf, calCorrect, rawConf, rawCorrect),
            [MetricKeys.Anomaly] = anomalyJson,
            [MetricKeys.MarkovBaseline] = new JsonObject
            {
                [MetricKeys.Actor] = ActorJson(markovReport, incidents.Length, markovConf, markovCorrect, null, null),
                [MetricKeys.Anomaly] = AnomalyJson(rows, markovScores, positive),
            },
        };

        return new EvaluationResult
        {
            Metrics = metrics,
            Actor = actorReport,
            MarkovActor = markovReport,
            ReliabilityUncalibrated = CalibrationMetrics.Reliability(rawConf, rawCorrect),
            ReliabilityCalibrated = CalibrationMetrics.Reliability(calConf, calCorrect),
            Roc = RocMetrics.Curve(scores, positive),
            MarkovRoc = RocMetrics.Curve(markovScores, positive),
        };
    }

    private static JsonObject ActorJson(
        ClassificationReport report, int sequences, double[] conf, bool[] correct, double[]? rawConf, bool[]? rawCorrect)
    {
        var json = new JsonObject
        {
            [MetricKeys.MacroF1] = report.MacroF1,
            [MetricKeys.Ece] = CalibrationMetrics.ExpectedCalibrationError(conf, correct),
            [MetricKeys.AbstainRate] = report.AbstainRate,
            [MetricKeys.OpenSetAbstainRate] = report.OpenSetAbstainRate,
            [MetricKeys.Sequences] = sequences,
        };
        if (rawConf is not null && rawCorrect is not null)
        {
            json[MetricKeys.EceUncalibrated] = CalibrationMetrics.ExpectedCalibrationError(rawConf, rawCorrect);
        }

        json[MetricKeys.PerClass] = new JsonObject(report.PerClass.Select(c => KeyValuePair.Create(c.Label, (JsonNode?)new JsonObject
        {
            [MetricKeys.Precision] = c.Precision,
            [MetricKeys.Recall] = c.Recall,
            [MetricKeys.F1] = c.F1,
            [MetricKeys.Support] = c.Support,
        })));
        return json;
    }

    private static JsonObject AnomalyJson(IReadOnlyList<LabelledSequence> rows, double[] scores, bool[] positive)
    {
        var json = Roc(scores, positive);
        json[MetricKeys.PerRole] = new JsonObject(Enumerable.Range(0, rows.Count)
            .GroupBy(i => rows[i].Role, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)Roc(g.Select(i => scores[i]).ToArray(), g.Select(i => positive[i]).ToArray()))));
        return json;
    }

    private static JsonObject Roc(double[] scores, bool[] positive) => new()
    {
        [MetricKeys.RocAuc] = RocMetrics.Auc(scores, positive),
        [MetricKeys.TprAt1PctFpr] = RocMetrics.TprAtFpr(scores, positive, FprForTpr),
        [MetricKeys.Positives] = positive.Count(p => p),
        [MetricKeys.Negatives] = positive.Count(p => !p),
    };

    private static double? Rate(IReadOnlyList<AnomalyResult> results, bool[] positive, bool ofPositives)
    {
        var idx = Enumerable.Range(0, results.Count).Where(i => positive[i] == ofPositives).ToArray();
        return idx.Length == 0 ? null : (double)idx.Count(i => results[i].IsAnomalous) / idx.Length;
    }
}
