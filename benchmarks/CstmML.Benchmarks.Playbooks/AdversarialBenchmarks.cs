using BenchmarkDotNet.Attributes;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Matching;

namespace CstmML.Benchmarks.Playbooks;

/// <summary>Memory under a stream built to open partial matches: allocations stay bounded by the caps.</summary>
[MemoryDiagnoser]
public class AdversarialBenchmarks
{
    public const int Alerts = 200_000;

    private NormalizedAlert[] _manyKeys = [];
    private NormalizedAlert[] _oneKey = [];
    private PlaybookEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new PlaybookEngine(BenchmarkLibrary.Load(50), new PlaybookEngineOptions { AllowedLateness = TimeSpan.Zero, MaxPartialMatches = 50_000 });
        _manyKeys = AlertStream.Adversarial(Alerts, principals: Alerts);
        _oneKey = AlertStream.Adversarial(Alerts, principals: 1);
    }

    [Benchmark(OperationsPerInvoke = Alerts, Description = "a new key per alert (global cap)")]
    public long ManyKeys() => Run(_manyKeys);

    [Benchmark(OperationsPerInvoke = Alerts, Description = "one key, repeated starts (per-key cap)")]
    public long OneKey() => Run(_oneKey);

    private long Run(NormalizedAlert[] alerts)
    {
        var session = _engine.CreateSession();
        foreach (var a in alerts)
        {
            session.Process(a);
        }

        return session.Stats.PeakLivePartialMatches;
    }
}
