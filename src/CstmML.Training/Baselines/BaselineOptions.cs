using CstmML.Scoring.Baselines;

namespace CstmML.Training.Baselines;

/// <summary>Per-role baseline settings; defaults in <see cref="BaselineConstants"/>.</summary>
public sealed record BaselineOptions
{
    public TokenKind Tokens { get; init; } = BaselineConstants.Tokens;

    public double Alpha { get; init; } = BaselineConstants.Alpha;

    public int Window { get; init; } = BaselineConstants.Window;

    public int MinRoleHistory { get; init; } = BaselineConstants.MinRoleHistory;

    public double ThresholdQuantile { get; init; } = BaselineConstants.ThresholdQuantile;

    /// <summary>Adds the KMeans-distance signal (ONNX); off leaves the Markov signal alone.</summary>
    public bool UseKMeans { get; init; } = true;

    public int KMeansClusters { get; init; } = BaselineConstants.KMeansClusters;

    public int KMeansRowsPerCluster { get; init; } = BaselineConstants.KMeansRowsPerCluster;

    /// <summary>Folds for the out-of-fold score distributions (below 2 or below 2x folds of rows: in-sample).</summary>
    public int CrossFitFolds { get; init; } = BaselineConstants.CrossFitFolds;

    public int KMeansMaxIterations { get; init; } = BaselineConstants.KMeansMaxIterations;
}
