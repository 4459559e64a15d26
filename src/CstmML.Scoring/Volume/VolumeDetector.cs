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
        var profile = Profile(y, firstHour, period);
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
            // Counts are discrete: on quiet series most residuals are exactly 0 and the MAD collapses. The spread of
            // Anscombe-transformed Poisson counts, about sqrt(1 - e^-λ), is a floor for the scale.
            var expected = InverseAnscombe(expectedY[t]);
            var scale = Math.Max(sigma, Math.Sqrt(1 - Math.Exp(-expected)));
            var z = (y[t] - expectedY[t]) / (scale + o.Epsilon);
            if (counts[t] >= o.MinCount && z >= o.SpikeThreshold && !ExplainedByShiftUp(t, shifts, o.WindowHours))
            {
                found.Add(new VolumeDetection(t, VolumeKinds.Spike, counts[t], expected, z));
            }
        }

        found.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : string.CompareOrdinal(a.Kind, b.Kind));
        return found;
    }

    /// <summary>Anscombe's variance-stabilizing transform for Poisson counts.</summary>
    internal static double Anscombe(double x) => 2.0 * Math.Sqrt(Math.Max(0, x) + 0.375);

    /// <summary>The count whose transform is <paramref name="y"/> (never negative).</summary>
    internal static double InverseAnscombe(double y) => Math.Max(0, (y / 2.0) * (y / 2.0) - 0.375);

    /// <summary>
    /// Two-window median test on the de-seasonalized series: Δ(t) = median(d[t, t+w)) − median(d[t−w, t)). A step
    /// makes Δ exceed the threshold on a run of about w hours around it; each run (same sign, pieces less than w
    /// apart merged) is one shift, placed by CUSUM (the split that maximizes |Σ(d − mean)|) inside the run ± w.
    /// </summary>
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
        var runs = new List<(int From, int To, int Sign)>();
        for (var t = w; t <= n - w; t++)
        {
            var before = Median(d.AsSpan(t - w, w));
            var after = Median(d.AsSpan(t, w));
            var z = (after - before) / (se + o.Epsilon);
            if (Math.Abs(z) < o.ShiftThreshold || Math.Abs(InverseAnscombe(after) - InverseAnscombe(before)) < o.MinShiftCount)
            {
                continue;
            }

            var sign = Math.Sign(z);
            if (runs.Count > 0 && runs[^1].Sign == sign && t - runs[^1].To < w)
            {
                runs[^1] = (runs[^1].From, t, sign);
            }
            else
            {
                runs.Add((t, t, sign));
            }
        }

        foreach (var (from, to, _) in runs)
        {
            var t = Cusum(d, Math.Max(0, from - w), Math.Min(n, to + w));
            t = Math.Clamp(t, w, n - w);
            var before = Median(d.AsSpan(t - w, w));
            var after = Median(d.AsSpan(t, w));
            var z = (after - before) / (se + o.Epsilon);
            result.Add(new VolumeDetection(t, VolumeKinds.LevelShift, InverseAnscombe(after), InverseAnscombe(before), z));
        }

        return result;
    }

    /// <summary>The first index after the split of d[from, to) that maximizes |Σ(d − mean)|: the most likely change point.</summary>
    private static int Cusum(double[] d, int from, int to)
    {
        var mean = 0.0;
        for (var i = from; i < to; i++)
        {
            mean += d[i];
        }

        mean /= Math.Max(1, to - from);
        var sum = 0.0;
        var best = 0.0;
        var at = from;
        for (var i = from; i < to - 1; i++)
        {
            sum += d[i] - mean;
            if (Math.Abs(sum) > best)
            {
                best = Math.Abs(sum);
                at = i + 1;
            }
        }

        return at;
    }

    // Right after an upward shift the trailing level lags for about half a window; the shift already explains those hours.
    private static bool ExplainedByShiftUp(int t, List<VolumeDetection> shifts, int window) =>
        shifts.Exists(s => s.Score > 0 && t >= s.Index - window / 2 && t < s.Index + window);

    /// <summary>
    /// The additive seasonal profile: for each phase, the median of y minus its local level, where the local level is
    /// a running median over one full period. Removing the level first keeps a level shift out of the profile.
    /// </summary>
    private static double[] Profile(double[] y, long firstHour, int period)
    {
        var profile = new double[Math.Max(period, 1)];
        if (period == 0)
        {
            return profile;
        }

        var n = y.Length;
        var buckets = new List<double>[period];
        for (var p = 0; p < period; p++)
        {
            buckets[p] = [];
        }

        for (var t = 0; t < n; t++)
        {
            var from = Math.Clamp(t - (period / 2), 0, Math.Max(0, n - period));
            var level = Median(y.AsSpan(from, Math.Min(period, n - from)));
            buckets[Phase(firstHour + t, period)].Add(y[t] - level);
        }

        for (var p = 0; p < period; p++)
        {
            profile[p] = buckets[p].Count == 0 ? 0 : Median(buckets[p].ToArray());
        }

        var center = Median(profile);
        for (var p = 0; p < period; p++)
        {
            profile[p] -= center;
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
