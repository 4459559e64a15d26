namespace CstmML.Features.Velocity;

/// <summary>
/// Inter-arrival statistics of one sequence, in seconds. Every value is finite: statistics of no gaps are 0, and
/// ratios with a zero denominator (all gaps equal to 0) are 0. Events per minute floors the span at 1 s because
/// CloudTrail and most providers stamp events to the second.
/// </summary>
internal readonly record struct GapStatistics(
    int GapCount,
    double SpanSeconds,
    double Median,
    double Min,
    double Max,
    double Mean,
    double StdDev,
    double Mad,
    double Cv,
    double Burstiness,
    double ZeroShare,
    double EventsPerMinute)
{
    /// <summary>Computes the statistics from gaps sorted ascending.</summary>
    public static GapStatistics FromSortedGaps(ReadOnlySpan<double> gaps, double spanSeconds)
    {
        var m = gaps.Length;
        if (m == 0)
        {
            return default;
        }

        var median = MedianOfSorted(gaps);
        double sum = 0;
        var zeros = 0;
        foreach (var g in gaps)
        {
            sum += g;
            zeros += g == 0 ? 1 : 0;
        }

        var mean = sum / m;
        double ss = 0;
        for (var i = 0; i < m; i++)
        {
            var dev = gaps[i] - mean;
            ss += dev * dev;
        }

        var std = Math.Sqrt(ss / m);
        var mad = MedianAbsoluteDeviation(gaps, median);
        var cv = mean > 0 ? std / mean : 0;
        var burstiness = std + mean > 0 ? (std - mean) / (std + mean) : 0;
        var perMinute = m / Math.Max(spanSeconds, 1.0) * 60.0;
        return new GapStatistics(m, spanSeconds, median, gaps[0], gaps[m - 1], mean, std, mad, cv, burstiness, zeros / (double)m, perMinute);
    }

    /// <summary>
    /// The median of |gap − median| without sorting the deviations: over sorted gaps they fall (left of the median)
    /// then rise, so the two runs merge in order, and only up to the middle. Exactly the sorted deviations' median:
    /// m − g and g − m round alike, and a rounded difference keeps the order of its operands.
    /// </summary>
    internal static double MedianAbsoluteDeviation(ReadOnlySpan<double> sortedGaps, double median)
    {
        var m = sortedGaps.Length;
        var right = 0;
        while (right < m && sortedGaps[right] < median)
        {
            right++;
        }

        var left = right - 1;
        var lower = 0.0;
        var upper = 0.0;
        for (var k = 0; k <= m / 2; k++)
        {
            // The k-th smallest deviation: the nearer of the two runs' next values (either one on a tie: equal values).
            double next;
            if (right < m && (left < 0 || Math.Abs(sortedGaps[right] - median) <= Math.Abs(sortedGaps[left] - median)))
            {
                next = Math.Abs(sortedGaps[right++] - median);
            }
            else
            {
                next = Math.Abs(sortedGaps[left--] - median);
            }

            lower = upper;
            upper = next;
        }

        return (m & 1) == 1 ? upper : (lower + upper) / 2;
    }

    private static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var m = sorted.Length;
        return (m & 1) == 1 ? sorted[m / 2] : (sorted[(m / 2) - 1] + sorted[m / 2]) / 2;
    }
}
