using BenchmarkDotNet.Attributes;
using CstmML.Core.Sequences;
using CstmML.Scoring.Engine;

namespace CstmML.Benchmarks.Scoring;

/// <summary>
/// <see cref="ScoringEngine.Score"/> on one batch of 256 sequences of the bundled training corpus with the bundled
/// default model: featurize, ONNX actor and baselines, explanations, playbooks, risk. One operation = one batch.
/// </summary>
[MemoryDiagnoser]
public class ScoringEngineBenchmarks
{
    private ScoringEngine _engine = null!;
    private AlertSequence[] _batch = [];

    /// <summary>Alerts in the batch (the per-alert figure is Mean / Alerts).</summary>
    public int Alerts { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = ScoringInputs.RepoRoot();
        _engine = ScoringEngine.Load(Path.Combine(root, "models", "default"));
        _batch = ScoringInputs.Load(Path.Combine(root, "training-data", "corpus")).Take(256).ToArray();
        Alerts = _batch.Sum(s => s.Alerts.Count);
        Console.WriteLine($"// batch: {_batch.Length} sequences, {Alerts} alerts");
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark]
    public int ScoreBatch() => _engine.Score(_batch).Count;
}
