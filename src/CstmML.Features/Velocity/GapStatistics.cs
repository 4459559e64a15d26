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
    /// <summary>Computes the statistics from gaps sorted ascending; <paramref name="scratch"/> must be as long as the gaps.</summary>
    public static GapStatistics FromSortedGaps(ReadOnlySpan<double> gaps, Span<double> scratch, double spanSeconds)
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
            scratch[i] = Math.Abs(gaps[i] - median);
        }

        var std = Math.Sqrt(ss / m);
        var dev2 = scratch[..m];
        dev2.Sort();
        var mad = MedianOfSorted(dev2);
        var cv = mean > 0 ? std / mean : 0;
        var burstiness = std + mean > 0 ? (std - mean) / (std + mean) : 0;
        var perMinute = m / Math.Max(spanSeconds, 1.0) * 60.0;
        return new GapStatistics(m, spanSeconds, median, gaps[0], gaps[m - 1], mean, std, mad, cv, burstiness, zeros / (double)m, perMinute);
    }

    private static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var m = sorted.Length;
        return (m & 1) == 1 ? sorted[m / 2] : (sorted[(m / 2) - 1] + sorted[m / 2]) / 2;
    }
}
