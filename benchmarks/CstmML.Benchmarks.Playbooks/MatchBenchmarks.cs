using BenchmarkDotNet.Attributes;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Matching;

namespace CstmML.Benchmarks.Playbooks;

/// <summary>Throughput of one session over a million alerts through 50 playbooks (alerts/s = N / mean).</summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    public const int Alerts = 1_000_000;

    private NormalizedAlert[] _alerts = [];
    private PlaybookEngine _inOrder = null!;
    private PlaybookEngine _reordering = null!;

    [Params(50)]
    public int Playbooks { get; set; }

    /// <summary>Share of alerts that name a playbook step: 2% is a busy production trail, 10% a stress mix.</summary>
    [Params(2, 10)]
    public int InterestingPercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var library = BenchmarkLibrary.Load(Playbooks);
        _alerts = AlertStream.Realistic(Alerts, principals: 5_000, InterestingPercent);
        _inOrder = new PlaybookEngine(library, new PlaybookEngineOptions { AllowedLateness = TimeSpan.Zero });
        _reordering = new PlaybookEngine(library, new PlaybookEngineOptions { AllowedLateness = TimeSpan.FromSeconds(5) });
    }

    [Benchmark(OperationsPerInvoke = Alerts, Baseline = true, Description = "stream, in order (lateness 0)")]
    public long InOrder() => Run(_inOrder);

    [Benchmark(OperationsPerInvoke = Alerts, Description = "stream, reorder buffer (lateness 5s)")]
    public long Reordering() => Run(_reordering);

    private long Run(PlaybookEngine engine)
    {
        var session = engine.CreateSession();
        long detections = 0;
        foreach (var a in _alerts)
        {
            detections += session.Process(a).Count;
        }

        return detections + session.Flush().Count;
    }
}
