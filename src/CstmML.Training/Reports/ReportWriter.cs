using System.Globalization;
using System.Text;
using CstmML.Core.Models;
using CstmML.Training.Actor;
using CstmML.Training.Evaluation;
using CstmML.Training.Export;

namespace CstmML.Training.Reports;

/// <summary>Writes <c>report.md</c> and its PNG plots. Holds no timings or dates, so the same training gives the same bytes.</summary>
public static class ReportWriter
{
    /// <summary>The report and plots by relative path.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(
        ModelManifest manifest, EvaluationResult evaluation, IReadOnlyList<TrainerCandidate> candidates, SplitResult split)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ModelFiles.ConfusionPlot] = PlotRenderer.Confusion(evaluation.Actor, "Actor confusion matrix (test fold)"),
            [ModelFiles.PerClassPlot] = PlotRenderer.PerClass(evaluation.Actor, evaluation.MarkovActor),
            [ModelFiles.CalibrationPlot] = PlotRenderer.Calibration(evaluation.ReliabilityUncalibrated, evaluation.ReliabilityCalibrated),
            [ModelFiles.RocPlot] = PlotRenderer.Roc(evaluation.Roc, evaluation.MarkovRoc),
        };
        files[ModelFiles.Report] = Encoding.UTF8.GetBytes(Markdown(manifest, evaluation, candidates, split));
        return files;
    }

    private static string Markdown(ModelManifest m, EvaluationResult e, IReadOnlyList<TrainerCandidate> candidates, SplitResult split)
    {
        var s = e.Scalars;
        string V(string key) => s.TryGetValue(key, out var v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');

        L($"# Model {m.Name} {m.Version}");
        L();
        L($"Feature schema {m.FeatureSchema.Version} (dimension {m.FeatureSchema.Dimension}, fingerprint `{m.FeatureSchema.Fingerprint}`), ATT&CK {m.AttackVersion}, seed {m.Seed}.");
        L($"Training data SHA-256 `{m.TrainingDataHash}`.");
        L();
        L("## Data and split");
        L();
        L("Grouped split (campaign, else incident, else sequence): no group is in two folds.");
        L();
        L("| fold | sequences | incident sequences | benign sequences |");
        L("|---|---|---|---|");
        foreach (var (name, rows) in new[] { ("train", split.Train), ("calibration", split.Calibration), ("test", split.Test) })
        {
            L($"| {name} | {rows.Count} | {rows.Count(r => r.IsIncident)} | {rows.Count(r => !r.IsIncident)} |");
        }

        L();
        L("## Actor classifier");
        L();
        L("| trainer | validation log-loss | validation accuracy | chosen |");
        L("|---|---|---|---|");
        foreach (var c in candidates)
        {
            L($"| {c.Trainer} | {F(c.ValidationLogLoss)} | {F(c.ValidationAccuracy)} | {(c.Chosen ? "yes" : "")} |");
        }

        L();
        L($"Temperature {F(m.Actor.Temperature)}; abstain below calibrated probability {F(m.Actor.AbstainThreshold)}; " +
          $"out of distribution beyond centroid distance {F(m.Actor.OodDistanceThreshold)} (q{F(m.Actor.OodQuantile)} of the calibration fold).");
        L();
        L("| metric (test fold) | classifier | plain Markov |");
        L("|---|---|---|");
        L($"| macro-F1 | {V("actor.macro_f1")} | {V("markov_baseline.actor.macro_f1")} |");
        L($"| ECE (15 bins) | {V("actor.ece")} (uncalibrated {V("actor.ece_uncalibrated")}) | {V("markov_baseline.actor.ece")} |");
        L($"| abstain rate | {V("actor.abstain_rate")} | {V("markov_baseline.actor.abstain_rate")} |");
        L($"| abstain rate on unseen actors | {V("actor.open_set_abstain_rate")} | {V("markov_baseline.actor.open_set_abstain_rate")} |");
        L();
        L("| actor | precision | recall | F1 | support |");
        L("|---|---|---|---|---|");
        foreach (var c in e.Actor.PerClass)
        {
            L($"| {c.Label} | {F(c.Precision)} | {F(c.Recall)} | {F(c.F1)} | {c.Support} |");
        }

        L();
        L($"![confusion matrix]({ModelFiles.ConfusionPlot})");
        L();
        L($"![per-class precision and recall]({ModelFiles.PerClassPlot})");
        L();
        L($"![calibration]({ModelFiles.CalibrationPlot})");
        L();
        L("## Anomaly baselines");
        L();
        L($"Tokens `{m.Baselines.Tokens}`, combination `{m.Baselines.Combination}`, threshold q{F(m.Baselines.ThresholdQuantile)} per baseline, " +
          $"own baseline from {m.Baselines.MinRoleHistory} benign sequences.");
        L();
        L("| metric (test fold) | per-role baselines | plain Markov |");
        L("|---|---|---|");
        L($"| ROC-AUC | {V("anomaly.roc_auc")} | {V("markov_baseline.anomaly.roc_auc")} |");
        L($"| TPR at 1% FPR | {V("anomaly.tpr_at_1pct_fpr")} | {V("markov_baseline.anomaly.tpr_at_1pct_fpr")} |");
        L($"| detection rate at the per-baseline thresholds | {V("anomaly.detection_rate_at_threshold")} | |");
        L($"| false positive rate at the per-baseline thresholds | {V("anomaly.false_positive_rate_at_threshold")} | |");
        L();
        string N(string key) => s.TryGetValue(key, out var v) ? v.ToString("0", CultureInfo.InvariantCulture) : "0";
        L($"Baselines used: role {N("anomaly.baseline_usage.role")}, cohort {N("anomaly.baseline_usage.cohort")}, global {N("anomaly.baseline_usage.global")} sequences.");
        L();
        L($"![anomaly ROC]({ModelFiles.RocPlot})");
        return sb.ToString();
    }
}
