namespace CstmML.Training.Evaluation;

/// <summary>Metric JSON names (a contract: CI, reports and the manifest read them).</summary>
public static class MetricKeys
{
    public const string Actor = "actor";
    public const string Anomaly = "anomaly";
    public const string MarkovBaseline = "markov_baseline";
    public const string MacroF1 = "macro_f1";
    public const string Ece = "ece";
    public const string EceUncalibrated = "ece_uncalibrated";
    public const string AbstainRate = "abstain_rate";
    public const string OpenSetAbstainRate = "open_set_abstain_rate";
    public const string PerClass = "per_class";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string Support = "support";
    public const string Sequences = "sequences";
    public const string RocAuc = "roc_auc";
    public const string TprAt1PctFpr = "tpr_at_1pct_fpr";
    public const string DetectionRate = "detection_rate_at_threshold";
    public const string FalsePositiveRate = "false_positive_rate_at_threshold";
    public const string Positives = "positives";
    public const string Negatives = "negatives";
    public const string PerRole = "per_role";
    public const string BaselineUsage = "baseline_usage";
}
