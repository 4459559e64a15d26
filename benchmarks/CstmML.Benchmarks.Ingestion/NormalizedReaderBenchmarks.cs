using BenchmarkDotNet.Attributes;
using CstmML.Core.Serialization;
using CstmML.Ingestion;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Sources.Normalized;

namespace CstmML.Benchmarks.Ingestion;

/// <summary>
/// The kernel of reading normalized JSON Lines (<c>cstm map</c> output): one line to one alert, with the byte scanner
/// (<see cref="NormalizedLineScanner"/>) and without it (the <see cref="System.Text.Json.Utf8JsonReader"/> pass), the
/// lines held in memory and one reader per run (its caches warm up as in a real run).
/// </summary>
[MemoryDiagnoser]
public class NormalizedReaderBenchmarks
{
    private const int Records = 20_000;
    private byte[][] _lines = [];

    [Params(true, false)]
    public bool Scanner { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var output = new MemoryStream();
        using (var writer = new JsonLinesWriter(output, leaveOpen: true))
        {
            var input = CloudTrailGenerator.InMemory(Records, seed: 1, jsonLines: true);
            foreach (var alert in new AlertPipeline(SourceRegistry.Default).RunStream(new MemoryStream(input), "bench"))
            {
                writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
            }
        }

        var all = output.ToArray().AsSpan();
        var lines = new List<byte[]>();
        for (var end = all.IndexOf((byte)'\n'); end >= 0; end = all.IndexOf((byte)'\n'))
        {
            lines.Add(all[..end].ToArray());
            all = all[(end + 1)..];
        }

        _lines = [.. lines];
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long ReadLines()
    {
        var reader = new NormalizedUtf8Reader(new Utf8StringCache()) { ScannerEnabled = Scanner };
        long n = 0;
        foreach (var line in _lines)
        {
            if (reader.TryReadLine(line) is not null)
            {
                n++;
            }
        }

        return n;
    }
}
