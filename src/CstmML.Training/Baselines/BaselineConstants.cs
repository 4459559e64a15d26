using CstmML.Scoring.Baselines;

namespace CstmML.Training.Baselines;

/// <summary>Defaults of <see cref="BaselineOptions"/>.</summary>
public static class BaselineConstants
{
    /// <summary>Tokens: <c>product:type</c> per alert (many benign calls share one technique).</summary>
    public const TokenKind Tokens = TokenKind.AlertType;

    /// <summary>Laplace α of the Markov chains (ML-STACK-NOTES §3 measured 0.1).</summary>
    public const double Alpha = 0.1;

    /// <summary>Rarest-window length in transitions.</summary>
    public const int Window = 3;

    /// <summary>Benign sequences a principal (or cohort) needs for its own baseline; below it falls back.</summary>
    public const int MinRoleHistory = 30;

    /// <summary>Each baseline's threshold is this quantile of its own benign combined scores.</summary>
    public const double ThresholdQuantile = 0.99;

    /// <summary>Upper bound on KMeans clusters per baseline.</summary>
    public const int KMeansClusters = 8;

    /// <summary>At least this many rows per cluster (k shrinks for small baselines).</summary>
    public const int KMeansRowsPerCluster = 10;

    /// <summary>Folds used to score each baseline's own rows out of fold (tails and threshold).</summary>
    public const int CrossFitFolds = 5;

    /// <summary>KMeans iteration cap.</summary>
    public const int KMeansMaxIterations = 100;

    /// <summary>Novelty tail: each unseen token past the benign maximum divides the tail probability by e (at least).</summary>
    public const double NoveltyScaleFloor = 1.0;

    /// <summary>The combination method's name in the manifest (every signal on).</summary>
    public const string Combination = $"fisher({MarkovSignalName}, {KMeansSignalName}, {NoveltySignalName})";

    /// <summary>Manifest name of the Markov signal.</summary>
    public const string MarkovSignalName = "markov_rarest_window_tail_p";

    /// <summary>Manifest name of the KMeans signal.</summary>
    public const string KMeansSignalName = "kmeans_min_sq_distance_tail_p";

    /// <summary>Manifest name of the novelty signal.</summary>
    public const string NoveltySignalName = "novelty_unseen_tokens_tail_p";
}
