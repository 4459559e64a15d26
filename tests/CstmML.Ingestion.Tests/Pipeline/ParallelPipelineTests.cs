using System.Text;
using System.Text.Json.Nodes;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Tests.TestSupport;
using CstmML.Testing;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary><see cref="PipelineOptions.Parallelism"/>: more threads, the very same output, rejects and counts.</summary>
public sealed class ParallelPipelineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Run_MixedFilesWithMalformedRecords_SameOutputAsOneThread(int parallelism)
    {
        var inputs = MixedInputs();
        var one = MapOutput.Of(inputs, new PipelineOptions());
        var many = MapOutput.Of(inputs, new PipelineOptions { Parallelism = parallelism });
        Assert.True(one.Alerts.Count > 3000, "the input should span many batches");
        Assert.NotEmpty(one.Rejects);
        Assert.Equal(one.Alerts, many.Alerts);
        Assert.Equal(one.Rejects, many.Rejects);
        Assert.Equal(one.Summary, many.Summary);
    }

    [Fact]
    public void Run_SmallRecordLimitStreamsEnvelopes_SameOutputAsOneThread()
    {
        var inputs = MixedInputs();
        var reader = new ReaderOptions { MaxRecordBytes = 16 * 1024, BufferBytes = 4096 };
        var one = MapOutput.Of(inputs, new PipelineOptions { Reader = reader });
        var many = MapOutput.Of(inputs, new PipelineOptions { Reader = reader, Parallelism = 3 });
        Assert.Equal(one.Alerts, many.Alerts);
        Assert.Equal(one.Rejects, many.Rejects);
        Assert.Equal(one.Summary, many.Summary);
    }

    [Fact]
    public void Run_AmbiguousRecordFirstInABatch_KeepsTheFilesLastWinner()
    {
        // Flat records go to the csv source; the last one also looks like CloudTrail, which is asked earlier in
        // detection order, but the file's last winner (csv) is asked first. It sits first in the second batch,
        // where a worker cannot know that winner.
        var flat = Enumerable.Range(0, PipelineDefaults.BatchRecords)
            .Select(i => $$"""{"time":"2024-05-01T00:00:00Z","type":"T{{i}}","principal":"p","provider":"aws","id":"c{{i}}"}""");
        var ambiguous = """{"time":"2024-05-01T00:00:00Z","type":"X","principal":"p","provider":"aws","id":"amb","eventVersion":"1.08","eventName":"GetCallerIdentity","eventTime":"2024-05-01T00:00:00Z","eventID":"amb"}""";
        var file = _dir.Write("flat.jsonl", string.Join("\n", [.. flat, ambiguous]) + "\n");
        var one = MapOutput.Of([file], new PipelineOptions());
        var many = MapOutput.Of([file], new PipelineOptions { Parallelism = 2 });
        Assert.Contains("\"product\":\"csv\"", one.Alerts[^1], StringComparison.Ordinal);
        Assert.Equal(one.Alerts, many.Alerts);
        Assert.Equal(one.Summary, many.Summary);
    }

    [Fact]
    public void Run_CallerStopsEarly_ThreadsEndAndNothingHangs()
    {
        var file = WriteCloudTrail("many.jsonl", 5000);
        var pipeline = new AlertPipeline(SourceRegistry.Default, new PipelineOptions { Parallelism = 2 });
        var first = pipeline.Run([file]).Take(10).ToList();
        Assert.Equal(10, first.Count);
        Assert.Equal(10, pipeline.Counters.Normalized);
    }

    [Fact]
    public void Run_CancelledBeforeStart_ThrowsOperationCanceled()
    {
        var file = WriteCloudTrail("c.jsonl", 10);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var pipeline = new AlertPipeline(SourceRegistry.Default, new PipelineOptions { Parallelism = 2 });
        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.Run([file], cts.Token).ToList());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Ctor_ParallelismOutOfRange_ThrowsNamingIt(int parallelism)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AlertPipeline(SourceRegistry.Default, new PipelineOptions { Parallelism = parallelism }));
        Assert.Equal("Parallelism", ex.ParamName);
    }

    [Fact]
    public void Run_ManySmallGzipEnvelopes_DecodedOnWorkersSameOutputAsOneThread()
    {
        // An S3-export-like folder: small gzip CloudTrail log files, one corrupt, one not gzip, one empty.
        var files = new List<string>();
        for (var f = 0; f < 40; f++)
        {
            var json = "{\"Records\":[" + string.Join(",", Lines(30, "f" + f)) + "]}";
            files.Add(_dir.WriteBytes($"s3/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/f{f:D2}.json.gz", TempDir.Gzip(Encoding.UTF8.GetBytes(json))));
        }

        var bad = TempDir.Gzip(Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", Lines(30, "bad")) + "]}"));
        _dir.WriteBytes("s3/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/zz-cut.json.gz", bad[..(bad.Length / 2)]);
        _dir.Write("s3/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/zz-plain.json", "{\"Records\":[" + string.Join(",", Lines(5, "plain")) + "]}");
        _dir.Write("s3/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/zz-empty.json", string.Empty);
        string[] inputs = [Path.Combine(_dir.Path, "s3")];

        var one = MapOutput.Of(inputs, new PipelineOptions());
        var deferred = MapOutput.Of(inputs, new PipelineOptions { Parallelism = 2 });
        var streamed = MapOutput.Of(inputs, new PipelineOptions { Parallelism = 2, DeferFileBytes = 0 });

        Assert.True(one.Alerts.Count > 1000, $"{one.Alerts.Count} alerts");
        Assert.NotEmpty(one.Rejects);
        foreach (var other in new[] { deferred, streamed })
        {
            Assert.Equal(one.Alerts, other.Alerts);
            Assert.Equal(one.Rejects, other.Rejects);
            Assert.Equal(one.Summary, other.Summary);
        }
    }

    [Fact]
    public void Run_DeferredFilesOverTheirBudget_ReadByTheConsumerSameOutputAsOneThread()
    {
        // A budget smaller than most files: workers give them back and the consumer streams them, interleaved with
        // files that fit and with the other inputs.
        var inputs = MixedInputs();
        var one = MapOutput.Of(inputs, new PipelineOptions());
        var tight = MapOutput.Of(inputs, new PipelineOptions { Parallelism = 2, DeferredRecordBytes = 4096 });
        Assert.Equal(one.Alerts, tight.Alerts);
        Assert.Equal(one.Rejects, tight.Rejects);
        Assert.Equal(one.Summary, tight.Summary);
    }

    [Fact]
    public void Parallelism_Default_IsOne() => Assert.Equal(1, new PipelineOptions().Parallelism);

    [Fact]
    public void ChunkBytes_Default_Is256KiB()
    {
        Assert.Equal(256 * 1024, PipelineDefaults.ChunkBytes);
        Assert.Equal(PipelineDefaults.ChunkBytes, new PipelineOptions().ChunkBytes);
    }

    private string[] MixedInputs()
    {
        var good = FastPathDifferentialTests.BaseRecords()[0];
        var latin = Encoding.UTF8.GetBytes(good.Replace("GetCallerIdentity", "Get#", StringComparison.Ordinal));
        latin[Array.IndexOf(latin, (byte)'#')] = 0xE9;
        var cut = TempDir.Gzip(Encoding.UTF8.GetBytes(File.ReadAllText(WriteCloudTrail("tmp.jsonl", 2000))));
        return
        [
            RepoPath.Combine("training-data", "samples"),
            WriteCloudTrail("a/big.jsonl", 3000),
            _dir.Write("a/envelope.json", "{\"Records\":[" + string.Join(",", Lines(1500, "env")) + "]}"),
            _dir.Write("a/invalid.jsonl", good + "\n{\"eventVersion\": \"1.08\", oops}\n" + good.Replace("ev-1", "ev-2", StringComparison.Ordinal) + "\n"),
            _dir.WriteBytes("a/latin1.jsonl", [.. Encoding.UTF8.GetBytes(good.Replace("ev-1", "ev-3", StringComparison.Ordinal) + "\n"), .. latin, (byte)'\n']),
            _dir.WriteBytes("a/cut.jsonl.gz", cut[..(cut.Length / 2)]),
            _dir.Write("a/empty.json", string.Empty),
            _dir.Write("a/array.json", "[" + good.Replace("ev-1", "ev-4", StringComparison.Ordinal) + ",42,[1],{\"what\":1}]"),
            _dir.Write("a/mixed.jsonl", string.Join("\n", FastPathDifferentialTests.GuardDutyFinding(), good, good)),
            _dir.Write("a/rows.csv", "time,type,principal,provider\n2024-05-01T00:00:00Z,Login,alice,aws\nnot-a-time,Login,bob,aws\n"),
            _dir.File("a/missing.json"),
        ];
    }

    private string WriteCloudTrail(string name, int count) => _dir.Write(name, string.Join("\n", Lines(count, name)) + "\n");

    // Distinct CloudTrail records (every 7th a duplicate of the one before, so de-duplication has work).
    private static IEnumerable<string> Lines(int count, string prefix)
    {
        var template = JsonNode.Parse(FastPathDifferentialTests.BaseRecords()[0])!.AsObject();
        for (var i = 0; i < count; i++)
        {
            var r = template.DeepClone().AsObject();
            r["eventID"] = prefix + "-" + (i % 7 == 6 ? i - 1 : i);
            r["eventName"] = i % 3 == 0 ? "ListBuckets" : i % 3 == 1 ? "GetCallerIdentity" : "CreateUser";
            r["eventTime"] = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            yield return r.ToJsonString();
        }
    }
}
