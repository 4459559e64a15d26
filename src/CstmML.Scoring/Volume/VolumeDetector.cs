using MathNet.Numerics.Statistics;

namespace CstmML.Scoring.Volume;

/// <summary>
/// Spike and level-shift detection on one zero-filled hourly count series. Counts are first variance-stabilized with
/// the Anscombe transform y = 2·sqrt(x + 3/8) (Poisson counts get unit variance whatever their level), so one robust
/// scale fits busy and quiet hours alike. Expected and observed values are reported back in counts.
/// </summary>
internal static class VolumeDetector
{
    private const double MadToSigma = 1.4826;

    // Standard error of a median of n normal values is ~1.2533·σ/√n.
    private const double MedianEfficiency = 1.2533;

    public static List<VolumeDetection> Detect(ReadOnlySpan<double> counts, long firstHour, VolumeOptions o)
    {
        var n = counts.Length;
        var found = new List<VolumeDetection>();
        if (n <= o.MinHistoryHours)
        {
            return found;
        }

        var y = new double[n];
        for (var t = 0; t < n; t++)
        {
            y[t] = Anscombe(counts[t]);
        }

        // Seasonal profile: hour-of-week with enough weeks, else hour-of-day with enough days, else none.
        var period = n >= o.MinWeeksForWeekly * 168 ? 168 : n >= o.MinDaysForDaily * 24 ? 24 : 0;
        var overall = Median(y);
        var profile = Profile(y, firstHour, period, overall);
        var d = new double[n];
        for (var t = 0; t < n; t++)
        {
            d[t] = y[t] - profile[Phase(firstHour + t, period)];
        }

        // Local level: the median of the de-seasonalized values over the trailing window (follows level shifts).
        var start = Math.Max(o.MinHistoryHours, 1);
        var expectedY = new double[n];
        var residuals = new double[n - start];
        for (var t = start; t < n; t++)
        {
            var from = Math.Max(0, t - o.WindowHours);
            expectedY[t] = profile[Phase(firstHour + t, period)] + Median(d.AsSpan(from, t - from));
            residuals[t - start] = y[t] - expectedY[t];
        }

        var sigma = MadToSigma * Mad(residuals);
        var shifts = LevelShifts(d, sigma, o);
        found.AddRange(shifts);

        for (var t = start; t < n; t++)
        {
            var z = (y[t] - expectedY[t]) / (sigma + o.Epsilon);
            if (counts[t] >= o.MinCount && z >= o.SpikeThreshold && !ExplainedByShiftUp(t, shifts, o.WindowHours))
            {
                found.Add(new VolumeDetection(t, VolumeKinds.Spike, counts[t], InverseAnscombe(expectedY[t]), z));
            }
        }

        found.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : string.CompareOrdinal(a.Kind, b.Kind));
        return found;
    }

    /// <summary>Anscombe's variance-stabilizing transform for Poisson counts.</summary>
    internal static double Anscombe(double x) => 2.0 * Math.Sqrt(Math.Max(0, x) + 0.375);

    /// <summary>The count whose transform is <paramref name="y"/> (never negative).</summary>
    internal static double InverseAnscombe(double y) => Math.Max(0, (y / 2.0) * (y / 2.0) - 0.375);

    private static List<VolumeDetection> LevelShifts(double[] d, double sigma, VolumeOptions o)
    {
        var w = o.WindowHours;
        var n = d.Length;
        var result = new List<VolumeDetection>();
        if (n < 2 * w)
        {
            return result;
        }

        var se = MedianEfficiency * sigma * Math.Sqrt(2.0 / w);
        VolumeDetection? best = null;
        for (var t = w; t <= n - w; t++)
        {
            var before = Median(d.AsSpan(t - w, w));
            var after = Median(d.AsSpan(t, w));
            var z = (after - before) / (se + o.Epsilon / 5);
            var expected = InverseAnscombe(before);
            var observed = InverseAnscombe(after);
            var candidate = Math.Abs(z) >= o.ShiftThreshold && Math.Abs(observed - expected) >= o.MinShiftCount
                ? new VolumeDetection(t, VolumeKinds.LevelShift, observed, expected, z)
                : (VolumeDetection?)null;

            // A step gives a run of exceeding t peaking at the change point: keep the peak of each same-sign run.
            if (candidate is { } c && best is { } b && Math.Sign(c.Score) == Math.Sign(b.Score) && c.Index - b.Index < w)
            {
                if (Math.Abs(c.Score) > Math.Abs(b.Score))
                {
                    best = c;
                }
            }
            else if (candidate is not null)
            {
                if (best is { } done)
                {
                    result.Add(done);
                }

                best = candidate;
            }
        }

        if (best is { } last)
        {
            result.Add(last);
        }

        return result;
    }

    // Right after an upward shift the trailing level lags for about half a window; the shift already explains those hours.
    private static bool ExplainedByShiftUp(int t, List<VolumeDetection> shifts, int window) =>
        shifts.Exists(s => s.Score > 0 && t >= s.Index - window / 2 && t < s.Index + window);

    private static double[] Profile(double[] y, long firstHour, int period, double overall)
    {
        var profile = new double[Math.Max(period, 1)];
        if (period == 0)
        {
            return profile;
        }

        var buckets = new List<double>[period];
        for (var p = 0; p < period; p++)
        {
            buckets[p] = [];
        }

        for (var t = 0; t < y.Length; t++)
        {
            buckets[Phase(firstHour + t, period)].Add(y[t]);
        }

        for (var p = 0; p < period; p++)
        {
            profile[p] = buckets[p].Count == 0 ? 0 : Median(buckets[p].ToArray()) - overall;
        }

        return profile;
    }

    private static int Phase(long hour, int period) => period == 0 ? 0 : (int)(((hour % period) + period) % period);

    private static double Median(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var copy = values.ToArray();
        return ArrayStatistics.MedianInplace(copy);
    }

    private static double Mad(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var median = Median(values);
        var dev = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            dev[i] = Math.Abs(values[i] - median);
        }

        return ArrayStatistics.MedianInplace(dev);
    }
}
