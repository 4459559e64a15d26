using BenchmarkDotNet.Attributes;
using CstmML.Core.Sequences;
using CstmML.Features.Featurization;
using CstmML.Features.Velocity;

namespace CstmML.Benchmarks.Features;

/// <summary>
/// Featurizes 1,000 realistic sequences per invocation on one thread. OperationsPerInvoke counts sequences, so the
/// reported Mean is the time per sequence and alerts/s = Length / Mean.
/// </summary>
[MemoryDiagnoser]
public class FeaturizerBenchmarks
{
    private const int Sequences = 1000;

    private AlertSequence[] _sequences = [];
    private SequenceFeaturizer _plain = null!;
    private SequenceFeaturizer _withReputation = null!;
    private float[] _buffer = [];

    /// <summary>Alerts per sequence.</summary>
    [Params(5, 20, 100)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sequences = RealisticSequences.Generate(seed: 42, Sequences, Length);
        _plain = new SequenceFeaturizer();

        // A Tor-style set of 2,000 addresses, built in memory so the benchmark reads no files.
        var list = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"5.{i / 250}.{i % 250}.226"));
        _withReputation = new SequenceFeaturizer(FeatureSchema.Default, IpReputationSet.FromAnonymizingList(new StringReader(list), "bench"));
        _buffer = new float[_plain.Dimension];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sequences)]
    public float FeaturizeIntoSpan() => Run(_plain);

    [Benchmark(OperationsPerInvoke = Sequences)]
    public float FeaturizeWithIpReputation() => Run(_withReputation);

    [Benchmark(OperationsPerInvoke = Sequences)]
    public double VelocityProfileFrom()
    {
        double sum = 0;
        foreach (var s in _sequences)
        {
            sum += VelocityProfile.From(s).EventsPerMinute;
        }

        return sum;
    }

    private float Run(SequenceFeaturizer featurizer)
    {
        float sum = 0;
        foreach (var s in _sequences)
        {
            featurizer.Featurize(s, _buffer);
            sum += _buffer[0];
        }

        return sum;
    }
}
