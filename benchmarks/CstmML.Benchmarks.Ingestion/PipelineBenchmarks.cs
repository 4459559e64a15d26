using BenchmarkDotNet.Attributes;
using CstmML.Core.Serialization;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Benchmarks.Ingestion;

/// <summary>
/// Reader + detection + normalization (the real sources, auto-detected) + dedupe, with and without JSON Lines output;
/// the CloudTrail fast path against the document path, and reading back normalized JSON Lines (`cstm map` output).
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Records = 20_000;
    private byte[] _envelope = [];
    private byte[] _jsonLines = [];
    private byte[] _normalized = [];
    private SourceRegistry _sources = null!;

    [GlobalSetup]
    public void Setup()
    {
        _envelope = CloudTrailGenerator.InMemory(Records, seed: 1, jsonLines: false);
        _jsonLines = CloudTrailGenerator.InMemory(Records, seed: 1, jsonLines: true);
        _sources = SourceRegistry.Default;
        using var output = new MemoryStream();
        using (var writer = new JsonLinesWriter(output, leaveOpen: true))
        {
            foreach (var alert in new AlertPipeline(_sources).RunStream(new MemoryStream(_jsonLines), "bench"))
            {
                writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
            }
        }

        _normalized = output.ToArray();
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long EnvelopeReadNormalize() => Run(_envelope, write: false);

    [Benchmark(OperationsPerInvoke = Records)]
    public long JsonLinesReadNormalize() => Run(_jsonLines, write: false);

    [Benchmark(OperationsPerInvoke = Records)]
    public long EnvelopeReadNormalizeSerialize() => Run(_envelope, write: true);

    [Benchmark(OperationsPerInvoke = Records)]
    public long JsonLinesDocumentPath() => Run(_jsonLines, write: false, fastPaths: false);

    [Benchmark(OperationsPerInvoke = Records)]
    public long JsonLinesReadNormalizeSerialize() => Run(_jsonLines, write: true);

    [Benchmark(OperationsPerInvoke = Records)]
    public long NormalizedJsonLinesRead() => Run(_normalized, write: false);

    [Benchmark(OperationsPerInvoke = Records)]
    public long NormalizedJsonLinesDocumentPath() => Run(_normalized, write: false, fastPaths: false);

    private long Run(byte[] input, bool write, bool fastPaths = true)
    {
        var pipeline = new AlertPipeline(_sources, new PipelineOptions { FastPaths = fastPaths });
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
