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

    /// <summary>Adds the novelty signal: distinct tokens the baseline never saw, against its own out-of-fold counts.</summary>
    public bool UseNovelty { get; init; } = true;

    /// <summary>Beyond-max decay scale floor of the novelty tail, in tokens.</summary>
    public double NoveltyScaleFloor { get; init; } = BaselineConstants.NoveltyScaleFloor;

    /// <summary>Extrapolates the KMeans distance tail on ln(1 + d): squared distances are heavy-tailed.</summary>
    public bool KMeansLogTail { get; init; } = true;

    /// <summary>
    /// Threshold = the score at tail probability 1 - q under the baseline's own tail model (beyond the maximum when the
    /// baseline has fewer than 1/(1-q) - 1 rows) instead of the nearest-rank quantile, which is just the maximum there.
    /// </summary>
    public bool ExtrapolateThreshold { get; init; } = true;

    public int KMeansClusters { get; init; } = BaselineConstants.KMeansClusters;

    public int KMeansRowsPerCluster { get; init; } = BaselineConstants.KMeansRowsPerCluster;

    /// <summary>Folds for the out-of-fold score distributions (below 2 or below 2x folds of rows: in-sample).</summary>
    public int CrossFitFolds { get; init; } = BaselineConstants.CrossFitFolds;

    public int KMeansMaxIterations { get; init; } = BaselineConstants.KMeansMaxIterations;

    /// <summary>The manifest's name of the combination these options produce.</summary>
    public string CombinationName()
    {
        var signals = new List<string> { BaselineConstants.MarkovSignalName };
        if (UseKMeans)
        {
            signals.Add(BaselineConstants.KMeansSignalName);
        }

        if (UseNovelty)
        {
            signals.Add(BaselineConstants.NoveltySignalName);
        }

        return signals.Count == 1 ? signals[0] : $"fisher({string.Join(", ", signals)})";
    }
}
