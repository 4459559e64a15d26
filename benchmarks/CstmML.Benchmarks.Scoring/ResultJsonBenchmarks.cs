using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;

namespace CstmML.Benchmarks.Scoring;

/// <summary>
/// One JSON Lines record per <see cref="ScoringResult"/>, as <c>cstm score</c> writes it: the source-generated contract
/// serializer on a reused <see cref="Utf8JsonWriter"/> (before) against <see cref="ScoringResultJsonWriter"/> (after),
/// over the results of the first 256 sequences of the bundled training corpus. One operation = all 256 results.
/// </summary>
[MemoryDiagnoser]
public class ResultJsonBenchmarks : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 14);
    private Utf8JsonWriter _writer = null!;
    private ScoringResult[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = ScoringInputs.RepoRoot();
        using var engine = ScoringEngine.Load(Path.Combine(root, "models", "default"));
        var batch = ScoringInputs.Load(Path.Combine(root, "training-data", "corpus")).Take(256).ToArray();
        _results = [.. engine.Score(batch)];
        _writer = new Utf8JsonWriter(_buffer);
        Console.WriteLine($"// {_results.Length} results, {_results.Sum(r => ScoringResultJsonWriter.ToJsonLine(r).Length)} bytes of JSON Lines");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _writer.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public int ContractSerializer()
    {
        var bytes = 0;
        foreach (var r in _results)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, r, ScoringResultJsonContext.Default.ScoringResult);
            _writer.Flush();
            _buffer.Write("\n"u8);
            bytes += _buffer.WrittenSpan.ToArray().Length;
        }

        return bytes;
    }

    [Benchmark]
    public int HandWrittenWriter()
    {
        var bytes = 0;
        foreach (var r in _results)
        {
            bytes += ScoringResultJsonWriter.ToJsonLine(r).Length;
        }

        return bytes;
    }
}
