using System.Buffers;
using System.Text.Json.Serialization;
using CstmML.Core.Sequences;

namespace CstmML.Features.Velocity;

/// <summary>
/// The pace of one sequence: events per minute, median and minimum gap, burstiness and a class. Computed from the
/// same gap statistics as the featurizer's time slots, so the two never disagree.
/// </summary>
public sealed record VelocityProfile
{
    /// <summary>Gaps per minute of span; the span is floored at 1 s (second-resolution timestamps). 0 for one alert.</summary>
    [JsonPropertyName(VelocityJson.EventsPerMinute)]
    public required double EventsPerMinute { get; init; }

    /// <summary>Median inter-arrival gap in seconds (0 for one alert).</summary>
    [JsonPropertyName(VelocityJson.MedianGapSeconds)]
    public required double MedianGapSeconds { get; init; }

    /// <summary>Smallest inter-arrival gap in seconds (0 for one alert).</summary>
    [JsonPropertyName(VelocityJson.MinimumGapSeconds)]
    public required double MinimumGapSeconds { get; init; }

    /// <summary>B = (σ−μ)/(σ+μ) of the gaps: −1 periodic, 0 random (Poisson), towards 1 bursty; 0 when undefined.</summary>
    [JsonPropertyName(VelocityJson.Burstiness)]
    public required double Burstiness { get; init; }

    [JsonPropertyName(VelocityJson.Class)]
    public required VelocityClass Class { get; init; }

    /// <summary>Profiles <paramref name="sequence"/> with <paramref name="thresholds"/> (default: <see cref="VelocityThresholds.Default"/>).</summary>
    public static VelocityProfile From(AlertSequence sequence, VelocityThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var n = sequence.Alerts?.Count ?? 0;
        if (n == 0)
        {
            throw new ArgumentException($"Sequence '{sequence.SequenceId}' has no alerts; it has no velocity.", nameof(sequence));
        }

        var rules = thresholds ?? VelocityThresholds.Default;
        var ticks = ArrayPool<long>.Shared.Rent(n);
        var doubles = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var span = SequenceTimes.FillSortedGaps(sequence, ticks, doubles);
            var gaps = doubles.AsSpan(0, n - 1);
            var stats = GapStatistics.FromSortedGaps(gaps, span);
            return FromSortedGaps(gaps, stats, rules);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ticks);
            ArrayPool<double>.Shared.Return(doubles);
        }
    }

    /// <summary>The profile from a sequence's gaps, sorted ascending, and their statistics (shared with the featurizer).</summary>
    internal static VelocityProfile FromSortedGaps(ReadOnlySpan<double> sortedGaps, in GapStatistics stats, VelocityThresholds rules) => new()
    {
        EventsPerMinute = stats.EventsPerMinute,
        MedianGapSeconds = stats.Median,
        MinimumGapSeconds = stats.Min,
        Burstiness = stats.Burstiness,
        Class = Classify(sortedGaps, stats, rules),
    };

    private static VelocityClass Classify(ReadOnlySpan<double> sortedGaps, in GapStatistics g, VelocityThresholds rules)
    {
        if (g.GapCount < rules.MinGaps)
        {
            return VelocityClass.Unknown;
        }

        var fast = 0;
        while (fast < sortedGaps.Length && sortedGaps[fast] <= rules.FastGapSeconds)
        {
            fast++;
        }

        if (g.Median <= rules.AutomatedMaxMedianGapSeconds && fast >= rules.AutomatedMinFastShare * g.GapCount)
        {
            return VelocityClass.Automated;
        }

        if (g.GapCount >= rules.ScheduledMinGaps && g.Cv <= rules.ScheduledMaxCv)
        {
            return VelocityClass.Automated;
        }

        return g.Median >= rules.ManualMinMedianGapSeconds && g.Cv >= rules.ManualMinCv ? VelocityClass.Manual : VelocityClass.Mixed;
    }
}
