using System.Globalization;

namespace CstmML.Benchmarks.Host;

/// <summary>Cumulative runtime figures of one process (<see cref="RuntimeStats"/>): collections, bytes allocated, GC pauses (total, largest, histogram), thread-pool threads, JIT.</summary>
internal sealed record RuntimeSnapshot(int Gen0, int Gen1, int Gen2, long Allocated, double PauseMs, double MaxPauseMs, long[] Buckets, int Threads, long JitMethods, double JitMs)
{
    /// <summary>What happened between <paramref name="before"/> and this snapshot, per <paramref name="requests"/> units of work; the largest pause is the largest so far when it grew in between, else "-".</summary>
    public string Since(RuntimeSnapshot before, long requests, string unit)
    {
        ArgumentNullException.ThrowIfNull(before);
        var buckets = new List<string>();
        for (var b = 0; b < Buckets.Length; b++)
        {
            var n = Buckets[b] - before.Buckets[b];
            if (n > 0)
            {
                var label = b < RuntimeStats.PauseBucketsMs.Length ? $"<{RuntimeStats.PauseBucketsMs[b]}ms" : $">={RuntimeStats.PauseBucketsMs[^1]}ms";
                buckets.Add(string.Create(CultureInfo.InvariantCulture, $"{label}:{n}"));
            }
        }

        var max = MaxPauseMs > before.MaxPauseMs ? MaxPauseMs.ToString("F1", CultureInfo.InvariantCulture) + "ms" : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"gc {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2} (gen0/1/2), pauses {PauseMs - before.PauseMs:F1}ms total, max {max} [{string.Join(' ', buckets)}]; alloc {(Allocated - before.Allocated) / 1024.0 / Math.Max(1, requests):F0} KB/{unit}; pool threads {before.Threads}->{Threads}; jit {JitMethods - before.JitMethods} methods {JitMs - before.JitMs:F0}ms");
    }
}
