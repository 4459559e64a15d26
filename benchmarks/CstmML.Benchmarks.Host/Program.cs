using System.Diagnostics;
using System.Globalization;
using CstmML.Benchmarks.Host;

// Bounded loopback load run of the scoring host (docs/performance/host.md). Every phase stops by itself.
// Usage: dotnet run -c Release --project benchmarks/CstmML.Benchmarks.Host -- [seconds=10] [soak-seconds=60] [score-rate=500] [model-dir]
// Without model-dir the host scores with BenchScorer (measures the host alone); with it, with the real ScoringEngine.
if (args.Length > 0 && args[0] == "profile")
{
    // Usage: ... profile MODEL_DIR [iterations=2000] [http]: per-stage CPU of one /v1/score request (RequestProfile);
    // with "http" only the HTTP part (to run under dotnet-trace).
    var iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
    if (args.Length <= 3 || args[3] != "http")
    {
        RequestProfile.Run(args[1], iterations);
    }

    await using (var real = await HostUnderTest.StartAsync(args[1]))
    {
        await RequestProfile.HttpAsync(real, "real model", iterations);
    }

    await using (var trivial = await HostUnderTest.StartAsync())
    {
        await RequestProfile.HttpAsync(trivial, "BenchScorer", iterations);
    }

    return;
}

if (args.Length > 0 && args[0] == "profile-alerts")
{
    // Usage: ... profile-alerts MODEL_DIR [batches=60]: per-stage time of /v1/alerts batches (AlertsProfile).
    AlertsProfile.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
    return;
}

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var soakSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
var modelDir = args.Length > 3 ? args[3] : null;
var phase = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 600));

await using var host = await HostUnderTest.StartAsync(modelDir);
Console.WriteLine(modelDir is null ? "scorer: BenchScorer (host only)" : $"scorer: ScoringEngine on a copy of {modelDir}");
Console.WriteLine($"cold start to ready (in-process): {host.ColdStart.TotalMilliseconds:F0} ms");
using var client = host.Client();

// Warm-up (JIT, connection pool), not reported.
await ScoreLoad.RunAsync(client, 200, TimeSpan.FromSeconds(2), 50, 64);

var (score, scoreErrors) = await ScoreLoad.RunAsync(client, rate, phase, 50, 256);
Console.WriteLine($"/v1/score 50 alerts x {rate} req/s for {phase.TotalSeconds:F0}s: {score.Summary()} errors={scoreErrors}");

var (alerts, elapsed, batchLatency, streamErrors) = await StreamLoad.RunAsync(host.Client, 4, 1000, phase);
Console.WriteLine($"/v1/alerts 4 clients x 1000-alert batches: {alerts / elapsed.TotalSeconds:F0} alerts/s stored durably; batch {batchLatency.Summary()} errors={streamErrors}");

// Soak: steady /v1/score load, memory sampled every 5 s.
var proc = Process.GetCurrentProcess();
var samples = new List<string>();
var soakEnd = Stopwatch.StartNew();
while (soakEnd.Elapsed < TimeSpan.FromSeconds(soakSeconds))
{
    await ScoreLoad.RunAsync(client, 200, TimeSpan.FromSeconds(5), 50, 64);
    proc.Refresh();
    samples.Add(string.Create(CultureInfo.InvariantCulture, $"{soakEnd.Elapsed.TotalSeconds:F0}s ws={proc.WorkingSet64 / (1024 * 1024)}MiB heap={GC.GetTotalMemory(false) / (1024 * 1024)}MiB"));
}

Console.WriteLine($"soak {soakSeconds}s at 200 req/s: " + string.Join(" | ", samples));
