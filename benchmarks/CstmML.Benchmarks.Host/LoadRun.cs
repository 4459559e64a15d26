using System.Diagnostics;
using System.Globalization;

namespace CstmML.Benchmarks.Host;

/// <summary>
/// The bounded load run (docs/performance/host.md): warm-up, /v1/score open loop, /v1/alerts closed loop, soak. Each
/// phase also reports the CPU it cost per request or per 1,000 alerts: on a shared machine latency and throughput
/// move with the other processes' load, CPU per unit of work much less.
/// </summary>
internal static class LoadRun
{
    public static async Task RunAsync(ILoadTarget host, string? modelDir, TimeSpan phase, int soakSeconds, int rate)
    {
        Console.WriteLine(modelDir is null ? "scorer: BenchScorer (host only)" : $"scorer: ScoringEngine on a copy of {modelDir}");
        Console.WriteLine(host.Separate ? "host in a child process (cpu below: host only)" : "host and client in one process (cpu below: both)");
        Console.WriteLine($"host GC: {host.GcMode}");
        Console.WriteLine($"cold start to ready ({(host.Separate ? "process launch, runtime start included" : "in-process")}): {host.ColdStart.TotalMilliseconds:F0} ms");
        using var client = host.Client();

        // Warm-up (connection pool, the client's JIT; the host's own warm-up ran before ready): 5 s at 200 req/s, reported
        // apart, so what the first requests after ready see is visible.
        var first = await host.UsageAsync().ConfigureAwait(false);
        var warm = await ScoreLoad.RunAsync(client, 200, TimeSpan.FromSeconds(5), 50, 64).ConfigureAwait(false);
        var warmed = await host.UsageAsync().ConfigureAwait(false);
        Console.WriteLine(Invariant($"first 5 s after ready, /v1/score 200 req/s: {warm.Latency.Summary()} errors={warm.Errors}"));
        Console.WriteLine("  host:   " + warmed.Runtime.Since(first.Runtime, warm.Latency.Count, "request"));

        var before = await host.UsageAsync().ConfigureAwait(false);
        var client0 = RuntimeStats.Instance.Snapshot();
        var score = await ScoreLoad.RunAsync(client, rate, phase, 50, 256).ConfigureAwait(false);
        var after = await host.UsageAsync().ConfigureAwait(false);
        var scoreCpu = after.Cpu - before.Cpu;
        var requests = score.Latency.Count;
        Console.WriteLine(Invariant($"/v1/score 50 alerts x {rate} req/s for {phase.TotalSeconds:F0}s: {score.Latency.Summary()} errors={score.Errors}"));
        Console.WriteLine(Invariant($"  send lag {score.SendLag.Summary()}; cpu {scoreCpu.TotalMicroseconds / Math.Max(1, requests):F0} us/request ({scoreCpu.TotalSeconds / phase.TotalSeconds:F2} cores)"));
        Console.WriteLine("  host:   " + after.Runtime.Since(before.Runtime, requests, "request"));
        if (host.Separate)
        {
            Console.WriteLine("  client: " + RuntimeStats.Instance.Snapshot().Since(client0, requests, "request"));
        }

        before = await host.UsageAsync().ConfigureAwait(false);
        var (alerts, elapsed, batchLatency, streamErrors) = await StreamLoad.RunAsync(host.Client, 4, 1000, phase).ConfigureAwait(false);
        after = await host.UsageAsync().ConfigureAwait(false);
        var streamCpu = after.Cpu - before.Cpu;
        Console.WriteLine(Invariant($"/v1/alerts 4 clients x 1000-alert batches: {alerts / elapsed.TotalSeconds:F0} alerts/s stored durably; batch {batchLatency.Summary()} errors={streamErrors}"));
        Console.WriteLine(Invariant($"  cpu {streamCpu.TotalMilliseconds / Math.Max(1, alerts / 1000.0):F1} ms per 1000 alerts ({streamCpu.TotalSeconds / elapsed.TotalSeconds:F2} cores); group commit: {after.Batches - before.Batches} batches in {after.Groups - before.Groups} groups; sessions scored {after.Rescoring.Scored - before.Rescoring.Scored}, left waiting {after.Rescoring.Deferred - before.Rescoring.Deferred}, scored for a playbook {after.Rescoring.ByPlaybook - before.Rescoring.ByPlaybook}"));
        Console.WriteLine("  host:   " + after.Runtime.Since(before.Runtime, Math.Max(1, alerts / 1000), "1000 alerts"));

        // Soak: steady /v1/score load, memory sampled every 5 s.
        var samples = new List<string>();
        var soak = Stopwatch.StartNew();
        while (soak.Elapsed < TimeSpan.FromSeconds(soakSeconds))
        {
            var r = await ScoreLoad.RunAsync(client, 200, TimeSpan.FromSeconds(5), 50, 64).ConfigureAwait(false);
            var u = await host.UsageAsync().ConfigureAwait(false);
            samples.Add(Invariant($"{soak.Elapsed.TotalSeconds:F0}s ws={u.WorkingSet / (1024 * 1024)}MiB heap={u.Heap / (1024 * 1024)}MiB p99={r.Latency.Percentile(0.99):F1}ms err={r.Errors}"));
        }

        if (soakSeconds > 0)
        {
            Console.WriteLine($"soak {soakSeconds}s at 200 req/s: " + string.Join(" | ", samples));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
