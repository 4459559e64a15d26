namespace CstmML.Training.Actor;

/// <summary>Defaults of <see cref="ActorOptions"/>.</summary>
public static class ActorConstants
{
    /// <summary>LightGBM boosting rounds.</summary>
    public const int LightGbmIterations = 100;

    /// <summary>LightGBM leaves per tree.</summary>
    public const int LightGbmLeaves = 31;

    /// <summary>LightGBM learning rate.</summary>
    public const double LightGbmLearningRate = 0.1;

    /// <summary>LightGBM minimum rows per leaf (small: incident corpora are small).</summary>
    public const int LightGbmMinLeafRows = 5;

    /// <summary>Iteration cap of the linear trainers.</summary>
    public const int LinearMaxIterations = 200;

    /// <summary>Abstention: the lowest threshold whose accepted calibration answers are at least this accurate.</summary>
    public const double TargetAcceptedAccuracy = 0.9;

    /// <summary>Abstention fallback when the target is unreachable: keep at least this share of answers.</summary>
    public const double MinCoverage = 0.2;

    /// <summary>OOD: quantile of calibration-fold nearest-centroid distances above which an input is out of distribution.</summary>
    public const double OodQuantile = 0.99;
}
