using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Tests.TestSupport;
using CstmML.Testing;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary>
/// Parallel runs read large plain JSON files in pieces on the workers (<see cref="FileChunk"/>), and every run reads
/// normalized JSON Lines once (<see cref="LineTakers"/>). Neither may change anything: each input runs on one thread
/// through the document path (no fast path, no line taker), on one thread as shipped, and on two and three threads
/// with pieces from 1 byte to the default size, and the alerts (as <c>cstm map</c> writes them), the rejects and the
/// closing counts must be identical.
/// </summary>
public sealed class ChunkedReadDifferentialTests : IDisposable
{
    // Tiny pieces put a cut after nearly every line feed: inside objects, arrays, envelopes and invalid lines.
    private static readonly int[] PieceSizes = [1, 5, 64, 300, 4096, PipelineDefaults.ChunkBytes];

    // Records over the limit, a buffer smaller than a record: the splitter gives up, buffers are refilled mid-record.
    private static readonly ReaderOptions SmallLimit = new() { MaxRecordBytes = 2048, BufferBytes = 64 };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_FixturesAndSamples_PiecesAndLineTakersChangeNothing()
    {
        var stats = AssertSame(RepoPath.Tests("Sources", "CloudTrail", "Fixtures"), RepoPath.Combine("training-data", "samples"));
        Assert.True(stats.PiecesKept > 0, "no piece was kept");
    }

    [Fact]
    public void Run_CorpusFiles_PiecesAndLineTakersChangeNothing()
    {
        // The plain corpus files (GuardDuty JSON Lines, pretty-printed Defender arrays and SCC envelopes) as they are,
        // the gzip CloudTrail log files as they are and decompressed into one plain file of one-line envelopes.
        var corpus = RepoPath.Combine("training-data", "corpus");
        var envelopes = new StringBuilder();
        foreach (var gz in Directory.GetFiles(Path.Combine(corpus, "cloudtrail"), "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(1500))
        {
            using var stream = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
            using var text = new StreamReader(stream);
            envelopes.Append(text.ReadToEnd().TrimEnd()).Append('\n');
        }

        string[] inputs =
        [
            Path.Combine(corpus, "guardduty"), Path.Combine(corpus, "defender"), Path.Combine(corpus, "scc"),
            _dir.Write("cloudtrail-envelopes.json", envelopes.ToString()),
        ];
        var stats = AssertSame(inputs, [64, 4096, PipelineDefaults.ChunkBytes]);
        Assert.True(stats.PiecesKept > 0 && stats.PieceRestarts > 0, $"{stats.PiecesKept} pieces kept, {stats.PieceRestarts} restarts");
    }

    [Fact]
    public void Run_NormalizedJsonLines_ReadOnceAndSameAsDocumentPath()
    {
        // What `cstm map` writes, read back: every line takes the normalized line taker, no piece is read again.
        var lines = MapOutput.Of([RepoPath.Combine("training-data", "samples"), RepoPath.Combine("training-data", "corpus", "guardduty")], new PipelineOptions()).Alerts;
        var file = _dir.Write("normalized.jsonl", string.Join("\n", lines) + "\n");
        var stats = AssertSame([file]);
        Assert.Equal(lines.Count, stats.FastRecords);
        Assert.Equal(0, stats.PieceRestarts);
        Assert.True(stats.PiecesKept > 10, $"{stats.PiecesKept} pieces kept");
    }

    [Fact]
    public void Run_NormalizedLinesAfterACsvWinner_SameAsDocumentPath()
    {
        // A flat record the csv source wins makes csv the file's last winner: the normalized fast path must then
        // stand aside (detection asks csv first), although the line taker assumed otherwise.
        var normalized = MapOutput.Of([RepoPath.Combine("training-data", "samples", "cloudtrail", "stratus_detonations.jsonl")], new PipelineOptions()).Alerts;
        var flat = """{"time":"2024-05-01T00:00:00Z","type":"Login","principal":"p","provider":"aws","id":"flat-1"}""";
        var text = string.Join("\n", [normalized[0], flat, .. normalized.Skip(1).Take(20), flat.Replace("flat-1", "flat-2", StringComparison.Ordinal), .. normalized.Skip(21)]) + "\n";
        var stats = AssertSame([_dir.Write("after-csv.jsonl", text)]);
        Assert.True(stats.FastRecords > 0);
    }

    [Theory]
    [InlineData("normalized")]
    [InlineData("cloudtrail")]
    [InlineData("guardduty")]
    public void Run_ForcedFormat_PiecesAndLineTakersChangeNothing(string format)
    {
        var random = new Random(format.Length);
        var file = _dir.WriteBytes($"forced-{format}.jsonl", MutatedFile(random, "forced"));
        var document = MapOutput.Of([file], new PipelineOptions { Format = format, FastPaths = false });
        Assert.True(format == "guardduty" || document.Alerts.Count > 50, $"{document.Alerts.Count} alerts");
        foreach (var options in new[]
        {
            new PipelineOptions { Format = format },
            new PipelineOptions { Format = format, Parallelism = 2, DeferFileBytes = 0, ChunkBytes = 64 },
            new PipelineOptions { Format = format, Parallelism = 2, DeferFileBytes = 0, ChunkBytes = 4096 },
        })
        {
            var output = MapOutput.Of([file], options);
            Assert.Equal(document.Alerts, output.Alerts);
            Assert.Equal(document.Rejects, output.Rejects);
            Assert.Equal(document.Summary, output.Summary);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Run_SeededStructuralMutations_PiecesChangeNothing(int seed)
    {
        var random = new Random(seed);
        var files = new List<string>();
        for (var f = 0; f < 3; f++)
        {
            files.Add(_dir.WriteBytes($"mutated-{seed}-{f}.jsonl", MutatedFile(random, $"s{seed}f{f}")));
        }

        var stats = AssertSame([.. files]);
        AssertSame([.. files], [1, 64, 700], SmallLimit);
        Assert.True(stats.PiecesKept > 0 && stats.PieceRestarts > 0, $"{stats.PiecesKept} pieces kept, {stats.PieceRestarts} restarts");
    }

    [Fact]
    public void Run_TruncatedLastLine_NoRestartAndSameOutput()
    {
        // The usual damage of a file still being written: its last line cut short. Its reject's excerpt runs to the end
        // of the input for every reader, so the last piece is kept and the file is not read again.
        var lines = MapOutput.Of([RepoPath.Combine("training-data", "samples", "cloudtrail", "stratus_detonations.jsonl")], new PipelineOptions()).Alerts;
        var text = string.Join("\n", lines) + "\n" + lines[0][..(lines[0].Length / 3)];
        var stats = AssertSame([_dir.Write("truncated.jsonl", text)], [64, 4096]);
        Assert.Equal(0, stats.PieceRestarts);
        Assert.True(stats.PiecesKept > 0);
    }

    [Fact]
    public void Run_OneLineEnvelopeOverTheRecordLimit_StreamedNotBufferedAndSameOutput()
    {
        // No line feed within the record limit: the splitter gives up at once and the file is streamed as today.
        var records = Enumerable.Range(0, 40).Select(i => FastPathDifferentialTests.BaseRecords()[0].Replace("ev-1", "one-" + i, StringComparison.Ordinal));
        var file = _dir.Write("one-line.json", "{\"Records\":[" + string.Join(",", records) + "]}");
        var stats = AssertSame([file], [64], SmallLimit);
        Assert.Equal(0, stats.PiecesKept);
    }

    [Fact]
    public void Run_RecordsOverTheLimitMidFile_SameOutput()
    {
        // Lines longer than the limit after some clean pieces: the splitter gives up there, and whether such a record
        // is accepted depends on the whole-file reader's buffer, so the file is read again from its start. Records
        // after long blank runs: white space and record together may exceed what the reader holds.
        var good = FastPathDifferentialTests.BaseRecords()[0];
        var lines = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var r = good.Replace("ev-1", "mid-" + i, StringComparison.Ordinal);
            lines.Add(i % 20 == 19 ? r.Replace("\"readOnly\"", "\"blob\":\"" + new string('a', 1500 + (i * 37)) + "\",\"readOnly\"", StringComparison.Ordinal) : r);
            if (i % 20 == 7)
            {
                // A long run of blank lines: the white space before a record counts towards what the reader holds.
                lines.Add(string.Concat(Enumerable.Repeat("  \n", 800 + (i * 13))) + r.Replace("\"readOnly\"", "\"blob\":\"" + new string('b', 1100) + "\",\"readOnly\"", StringComparison.Ordinal).Replace("mid-", "ws-", StringComparison.Ordinal));
            }
        }

        var file = _dir.Write("mid.jsonl", string.Join("\n", lines) + "\n");
        var stats = AssertSame([file], [1, 300, 1500, 2000], SmallLimit);
        Assert.True(stats.PiecesKept > 0);
    }

    // Runs the inputs every way and compares with the one-thread document path; returns the totals of the parallel runs.
    private static MapOutput AssertSame(params string[] inputs) => AssertSame(inputs, PieceSizes);

    private static MapOutput AssertSame(string[] inputs, int[] pieceSizes, ReaderOptions? reader = null)
    {
        reader ??= new ReaderOptions();
        var document = MapOutput.Of(inputs, new PipelineOptions { Reader = reader, FastPaths = false });
        var runs = new List<(string Name, MapOutput Output)> { ("one thread", MapOutput.Of(inputs, new PipelineOptions { Reader = reader })) };
        foreach (var size in pieceSizes)
        {
            runs.Add(($"two threads, {size}-byte pieces", MapOutput.Of(inputs, new PipelineOptions { Reader = reader, Parallelism = 2, DeferFileBytes = 0, ChunkBytes = size })));
        }

        runs.Add(("three threads, 64-byte pieces", MapOutput.Of(inputs, new PipelineOptions { Reader = reader, Parallelism = 3, DeferFileBytes = 0, ChunkBytes = 64 })));
        runs.Add(("two threads, no pieces", MapOutput.Of(inputs, new PipelineOptions { Reader = reader, Parallelism = 2, ChunkBytes = 0 })));
        foreach (var (name, output) in runs)
        {
            Assert.True(document.Alerts.SequenceEqual(output.Alerts), $"{name}: alerts differ");
            Assert.True(document.Rejects.SequenceEqual(output.Rejects), $"{name}: rejects differ\n{Diff(document.Rejects, output.Rejects)}");
            Assert.Equal(document.Summary, output.Summary);
        }

        var parallel = runs.Skip(1).Select(r => r.Output).ToList();
        return runs[0].Output with { PiecesKept = parallel.Sum(o => o.PiecesKept), PieceRestarts = parallel.Sum(o => o.PieceRestarts) };
    }

    private static string Diff(List<string> expected, List<string> actual)
    {
        var at = 0;
        while (at < expected.Count && at < actual.Count && expected[at] == actual[at])
        {
            at++;
        }

        return $"first difference at {at}:\n  expected {(at < expected.Count ? expected[at] : "(none)")}\n  actual   {(at < actual.Count ? actual[at] : "(none)")}";
    }

    // A JSON Lines file of CloudTrail and normalized records, some mutated, with structural oddities spliced in.
    private static byte[] MutatedFile(Random random, string prefix)
    {
        var cloudTrail = FastPathDifferentialTests.BaseRecords();
        var normalized = MapOutput.Of([RepoPath.Combine("training-data", "samples", "guardduty")], new PipelineOptions()).Alerts;
        var bytes = new List<byte>();
        if (random.Next(3) == 0)
        {
            bytes.AddRange([0xEF, 0xBB, 0xBF]);
        }

        var newline = random.Next(3) == 0 ? "\r\n" : "\n";
        var count = 150 + random.Next(100);
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i}";
            var record = random.Next(2) == 0
                ? JsonNode.Parse(cloudTrail[random.Next(cloudTrail.Count)])!.AsObject()
                : JsonNode.Parse(normalized[random.Next(normalized.Count)])!.AsObject();
            record[record.ContainsKey("eventID") ? "eventID" : "id"] = id;
            var line = record.ToJsonString();
            if (random.Next(8) == 0)
            {
                line = FastPathDifferentialTests.Mutate(line, random);
            }

            var text = random.Next(40) switch
            {
                0 => "{\"eventVersion\": \"1.08\", oops}",
                1 => line[..(line.Length / 2)],
                2 => JsonNode.Parse(line)!.ToJsonString(Indented),
                3 => "[" + line + "," + line + "]",
                4 => "[" + newline + line + "," + newline + "42" + newline + "]",
                5 => "{\"Records\":[" + line + "]}",
                6 => "{\"Records\":[" + newline + line + newline + "]," + newline + "\"x\":1}",
                7 => "42",
                8 => "\"text\" " + line,
                9 => line + " " + line,
                10 => string.Empty,
                11 => "   \t",
                12 => line + "]",
                13 => "{\"what\":1}",
                _ => line,
            };
            bytes.AddRange(Encoding.UTF8.GetBytes(text));
            if (random.Next(60) == 0)
            {
                // Bytes that are not UTF-8 inside a record.
                bytes.AddRange(Encoding.UTF8.GetBytes(newline + "{\"eventVersion\":\"1.08\",\"x\":\""));
                bytes.AddRange([0xC3, 0x28]);
                bytes.AddRange(Encoding.UTF8.GetBytes("\"}"));
            }

            if (i < count - 1 || random.Next(2) == 0)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(newline));
            }
        }

        return [.. bytes];
    }
}
