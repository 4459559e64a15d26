using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using CstmML.Benchmarks.Playbooks;
using CstmML.Playbooks.Matching;

// `-- counts` prints the partial-match counters of the adversarial streams (counts, not timings) for the docs;
// anything else goes to BenchmarkDotNet, pinned to one core.
if (args is ["counts"])
{
    var engine = new PlaybookEngine(BenchmarkLibrary.Load(50), new PlaybookEngineOptions { AllowedLateness = TimeSpan.Zero, MaxPartialMatches = 50_000 });
    foreach (var (name, alerts) in new[] { ("many-keys", AlertStream.Adversarial(200_000, 200_000)), ("one-key", AlertStream.Adversarial(200_000, 1)), ("realistic-2% (cap 50,000)", AlertStream.Realistic(1_000_000, 5_000, 2)), ("realistic-10% (cap 50,000)", AlertStream.Realistic(1_000_000, 5_000, 10)) })
    {
        var session = engine.CreateSession();
        long detections = 0;
        foreach (var a in alerts)
        {
            detections += session.Process(a).Count;
        }

        var s = session.Stats;
        detections += session.Flush().Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: alerts {s.AlertsProcessed}, opened {s.PartialMatchesOpened}, restarted {s.PartialMatchesRestarted}, peak live {s.PeakLivePartialMatches}, live at end {s.LivePartialMatches}, overflow {s.Overflow}, expired {s.PartialMatchesExpired}, detections {detections}"));
    }

    return 0;
}

var config = DefaultConfig.Instance.AddJob(Job.Default.WithAffinity(1).WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1));
BenchmarkSwitcher.FromAssembly(typeof(MatchBenchmarks).Assembly).Run(args, config);
return 0;
