namespace CstmML.Training.Evaluation;

/// <summary>Expected calibration error over equal-width confidence bins, and the reliability curve behind it.</summary>
public static class CalibrationMetrics
{
    /// <summary>The bin count used for every reported ECE.</summary>
    public const int DefaultBins = 15;

    /// <summary>ECE = Σ_b (n_b / N) · |accuracy_b − mean confidence_b|; 0 for no rows.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<double> confidence, IReadOnlyList<bool> correct, int bins = DefaultBins) =>
        confidence.Count == 0 ? 0.0
            : Reliability(confidence, correct, bins).Sum(b => (double)b.Count / confidence.Count * Math.Abs(b.Accuracy - b.MeanConfidence));

    /// <summary>Non-empty bins with their mean confidence, accuracy and count.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> confidence, IReadOnlyList<bool> correct, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(confidence);
        ArgumentNullException.ThrowIfNull(correct);
        if (confidence.Count != correct.Count)
        {
            throw new ArgumentException("confidence and correct differ in length.", nameof(correct));
        }

        var sumConf = new double[bins];
        var hits = new int[bins];
        var counts = new int[bins];
        for (var i = 0; i < confidence.Count; i++)
        {
            // Bin b holds (b/B, (b+1)/B]; confidence 0 goes to bin 0.
            var b = Math.Clamp((int)Math.Ceiling(confidence[i] * bins) - 1, 0, bins - 1);
            sumConf[b] += confidence[i];
            hits[b] += correct[i] ? 1 : 0;
            counts[b]++;
        }

        return Enumerable.Range(0, bins)
            .Where(b => counts[b] > 0)
            .Select(b => new ReliabilityBin((b + 0.5) / bins, sumConf[b] / counts[b], (double)hits[b] / counts[b], counts[b]))
            .ToArray();
    }
}
