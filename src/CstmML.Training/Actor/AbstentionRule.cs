namespace CstmML.Training.Actor;

/// <summary>
/// Chooses the abstention threshold on calibrated top probabilities of the calibration fold: the lowest threshold
/// whose accepted answers reach the target accuracy; if none does with at least the minimum coverage, the threshold
/// with the best accepted accuracy among those keeping that coverage.
/// </summary>
internal static class AbstentionRule
{
    /// <summary>The threshold τ: answer when calibrated top probability ≥ τ.</summary>
    public static double Choose(IReadOnlyList<double> confidence, IReadOnlyList<bool> correct, double targetAccuracy, double minCoverage)
    {
        if (confidence.Count == 0)
        {
            return 0.0;
        }

        var order = Enumerable.Range(0, confidence.Count).OrderByDescending(i => confidence[i]).ThenBy(i => i).ToArray();
        var minAccepted = Math.Max(1, (int)Math.Ceiling(minCoverage * order.Length));
        var hits = 0;
        double bestAccuracy = -1, bestThreshold = confidence[order[0]];
        double? reached = null;
        for (var m = 1; m <= order.Length; m++)
        {
            hits += correct[order[m - 1]] ? 1 : 0;
            // Only cut between distinct confidences, so the threshold accepts exactly the top m.
            if (m < order.Length && confidence[order[m]] == confidence[order[m - 1]])
            {
                continue;
            }

            var accuracy = (double)hits / m;
            var threshold = confidence[order[m - 1]];
            if (accuracy >= targetAccuracy)
            {
                reached = threshold;
            }

            if (m >= minAccepted && accuracy > bestAccuracy)
            {
                bestAccuracy = accuracy;
                bestThreshold = threshold;
            }
        }

        return reached ?? bestThreshold;
    }
}
