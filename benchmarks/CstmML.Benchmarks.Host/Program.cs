using System.Globalization;
using CstmML.Benchmarks.Host;

// Bounded loopback load run of the scoring host (docs/performance/host.md). Every phase stops by itself.
// Usage: dotnet run -c Release --project benchmarks/CstmML.Benchmarks.Host -- [seconds=10] [soak-seconds=60] [score-rate=500] [model-dir] [--host-process]
// Without model-dir the host scores with BenchScorer (measures the host alone); with it, with the real ScoringEngine.
// --host-process runs the host in a child process (its own GC and thread pool; cpu figures then count the host only);
// the child runs with the CstmML.Host executable's runtimeconfig (TieredPGO off, workstation GC); --server-gc or
// --workstation-gc force the GC mode.
// Listens to this process's GC events from the start (host, client or both: see LoadRun).
_ = RuntimeStats.Instance;
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
    // Usage: ... profile-alerts MODEL_DIR [batches=60] [scoring-threads=1] [rescore-growth=host default] [interleaved]: per-stage time of /v1/alerts batches (AlertsProfile).
    AlertsProfile.Run(
        args[1],
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1,
        args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : CstmML.Host.Configuration.ScoringHostDefaults.RescoreGrowth,
        args.Length > 5 && args[5] == "interleaved");
    return;
}

if (args.Length > 0 && args[0] == "serve")
{
    // The child side of --host-process: ... serve [model-dir].
    await HostProcess.ServeAsync(args.Length > 1 ? args[1] : null);
    return;
}

// Flags (--host-process) may come anywhere; the rest is positional.
var separate = args.Contains("--host-process");
bool? serverGc = args.Contains("--server-gc") ? true : args.Contains("--workstation-gc") ? false : null;
// --host-env NAME=VALUE (repeatable): an environment variable for the host child only (runtime knobs: DOTNET_TieredPGO=0, ...).
var hostEnv = args.Select((a, i) => (a, i)).Where(x => x.a == "--host-env" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToArray();
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--host-env")).ToArray();
var seconds = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 10;
var soakSeconds = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 60;
var rate = positional.Length > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 500;
var modelDir = positional.Length > 3 ? positional[3] : null;
await using ILoadTarget host = separate ? await HostProcess.StartAsync(modelDir, serverGc, hostEnv) : await HostUnderTest.StartAsync(modelDir);
await LoadRun.RunAsync(host, modelDir, TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 600)), soakSeconds, rate);
