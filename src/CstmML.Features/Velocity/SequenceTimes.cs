using CstmML.Core.Sequences;
using CstmML.Features.Featurization;

namespace CstmML.Features.Velocity;

/// <summary>Reads a sequence's event times into gaps; shared by the featurizer and <see cref="VelocityProfile"/> so both agree.</summary>
internal static class SequenceTimes
{
    /// <summary>
    /// Writes the n-1 inter-arrival gaps in seconds, sorted ascending, into <paramref name="gaps"/> and returns the span
    /// in seconds. Times are sorted first, so an unsorted alert list gives the same gaps (never negative ones).
    /// </summary>
    public static double FillSortedGaps(AlertSequence sequence, Span<long> ticks, Span<double> gaps)
    {
        var alerts = sequence.Alerts;
        var n = alerts.Count;
        var sorted = true;
        for (var i = 0; i < n; i++)
        {
            ticks[i] = (alerts[i] ?? throw SequenceFeaturizer.NullAlert(sequence, i)).Time.UtcTicks;
            sorted &= i == 0 || ticks[i] >= ticks[i - 1];
        }

        var t = ticks[..n];
        if (!sorted)
        {
            t.Sort();
        }

        for (var i = 1; i < n; i++)
        {
            gaps[i - 1] = (t[i] - t[i - 1]) / (double)TimeSpan.TicksPerSecond;
        }

        if (n > 1)
        {
            gaps[..(n - 1)].Sort();
        }

        return (t[n - 1] - t[0]) / (double)TimeSpan.TicksPerSecond;
    }
}
