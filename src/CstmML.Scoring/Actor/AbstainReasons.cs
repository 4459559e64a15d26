namespace CstmML.Scoring.Actor;

/// <summary>Why the classifier answered "unknown" (contract strings).</summary>
public static class AbstainReasons
{
    /// <summary>The calibrated top probability is below the abstention threshold.</summary>
    public const string LowConfidence = "low_confidence";

    /// <summary>The feature vector is farther from every class centroid than the calibration fold allows.</summary>
    public const string OutOfDistribution = "out_of_distribution";
}
