namespace CstmML.Training.Export;

/// <summary>Relative paths inside a model folder (a contract with docs/models.md and the loader).</summary>
public static class ModelFiles
{
    public const string ActorOnnx = "actor/actor.onnx";
    public const string ActorCentroids = "actor/centroids.json";
    public const string ActorEvidence = "actor/evidence.json";
    public const string Baselines = "baselines/baselines.json";
    public const string MarkovComparison = "baselines/markov_plain.json";
    public const string Metrics = "metrics.json";
    public const string Split = Dataset.HeldOutSplit.FileName;
    public const string FeatureSchema = Dataset.FeatureSchemaBridge.FileName;
    public const string Report = "report.md";
    public const string ConfusionPlot = "plots/confusion_matrix.png";
    public const string PerClassPlot = "plots/per_class.png";
    public const string CalibrationPlot = "plots/calibration.png";
    public const string RocPlot = "plots/anomaly_roc.png";
}
