using BenchmarkDotNet.Attributes;
using CstmML.Core.Serialization;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Benchmarks.Ingestion;

/// <summary>Reader + detection + normalization (the real sources, auto-detected) + dedupe, with and without JSON Lines output.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Records = 20_000;
    private byte[] _envelope = [];
    private byte[] _jsonLines = [];
    private SourceRegistry _sources = null!;

    [GlobalSetup]
    public void Setup()
    {
        _envelope = CloudTrailGenerator.InMemory(Records, seed: 1, jsonLines: false);
        _jsonLines = CloudTrailGenerator.InMemory(Records, seed: 1, jsonLines: true);
        _sources = SourceRegistry.Default;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long EnvelopeReadNormalize() => Run(_envelope, write: false);

    [Benchmark(OperationsPerInvoke = Records)]
    public long JsonLinesReadNormalize() => Run(_jsonLines, write: false);

    [Benchmark(OperationsPerInvoke = Records)]
    public long EnvelopeReadNormalizeSerialize() => Run(_envelope, write: true);

    private long Run(byte[] input, bool write)
    {
        var pipeline = new AlertPipeline(_sources, new PipelineOptions());
        using var writer = new JsonLinesWriter(Stream.Null);
        long n = 0;
        foreach (var alert in pipeline.RunStream(new MemoryStream(input), "bench"))
        {
            if (write)
            {
                writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
            }

            n++;
        }

        return n;
    }
}
