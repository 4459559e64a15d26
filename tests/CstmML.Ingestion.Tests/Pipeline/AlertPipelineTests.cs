using System.Text;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Pipeline;
using CstmML.Testing;
using static CstmML.Ingestion.Tests.Pipeline.PipelineRun;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary>The malformed-input corpus of the foundation issue, generated into a temp folder, plus the happy paths.</summary>
public sealed class AlertPipelineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_InvalidJson_IsRejectedWithFileAndLine()
    {
        var f = _dir.Write("bad.json", "{\"fakeType\": \"x\", oops}");
        var run = Of(f);
        var r = Assert.Single(run.Rejects);
        Assert.Equal(f, r.File);
        Assert.Equal(1L, r.Line);
        Assert.StartsWith("invalid JSON", r.Reason, StringComparison.Ordinal);
        Assert.NotNull(r.Excerpt);
    }

    [Fact]
    public void Run_RecordWithoutTime_IsRejectedNamingTheField()
    {
        var f = _dir.Write("a.jsonl", Rec("1") + "\n" + """{"fakeType":"x","id":"2"}""" + "\n");
        var run = Of(f);
        Assert.Single(run.Alerts);
        var r = Assert.Single(run.Rejects);
        Assert.Equal((2L, "time"), (r.Line, r.Field));
        Assert.Contains("missing", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnparseableTime_IsRejectedNamingTheField()
    {
        var f = _dir.Write("a.jsonl", Rec("1", time: "yesterday-ish"));
        var r = Assert.Single(Of(f).Rejects);
        Assert.Equal("time", r.Field);
        Assert.Contains("yesterday-ish", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownShape_IsRejectedWithLocation()
    {
        var f = _dir.Write("a.json", "[" + Rec("1") + ",{\"what\":\"is this\"}]");
        var run = Of(f);
        Assert.Single(run.Alerts);
        var r = Assert.Single(run.Rejects);
        Assert.Equal(1L, r.Index);
        Assert.StartsWith("unknown shape", r.Reason, StringComparison.Ordinal);
        Assert.Contains("is this", r.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TruncatedGzip_ReportsTruncationAndKeepsEarlierRecords()
    {
        var text = string.Join("\n", Enumerable.Range(0, 3000).Select(i => Rec("id" + i, type: "T" + (i % 7)))) + "\n";
        var gz = TempDir.Gzip(Encoding.UTF8.GetBytes(text));
        var f = _dir.WriteBytes("cut.jsonl.gz", gz[..(gz.Length * 2 / 3)]);
        var run = Of(f);
        Assert.InRange(run.Alerts.Count, 1, 2999);
        Assert.Contains(run.Rejects, r => r.Reason.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_CompleteGzip_ReadsEverythingWithoutRejects()
    {
        var f = _dir.WriteGzip("ok.json.gz", "{\"Records\":[" + Rec("1") + "," + Rec("2") + "]}");
        var run = Of(f);
        Assert.Empty(run.Rejects);
        Assert.Equal(2, run.Alerts.Count);
    }

    [Fact]
    public void Run_NonUtf8Bytes_AreRejectedAndTheRestFlows()
    {
        var bytes = Encoding.UTF8.GetBytes(Rec("1") + "\n" + Rec("2", type: "caf#") + "\n" + Rec("3") + "\n");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xE9;
        var run = Of(_dir.WriteBytes("latin1.jsonl", bytes));
        Assert.Equal(["1", "3"], run.Alerts.Select(a => a.Id));
        Assert.Equal(2L, Assert.Single(run.Rejects).Line);
    }

    [Fact]
    public void Run_EmptyFile_IsReported()
    {
        var r = Assert.Single(Of(_dir.Write("empty.json", "")).Rejects);
        Assert.Equal("empty file", r.Reason);
    }

    [Fact]
    public void Run_TenMegabyteSingleLine_IsRejectedAndNeighboursFlow()
    {
        var huge = "{\"fakeType\":\"x\",\"time\":\"2024-05-01T00:00:00Z\",\"blob\":\"" + new string('a', 10 * 1024 * 1024) + "\"}";
        var f = _dir.Write("huge.jsonl", Rec("1") + "\n" + huge + "\n" + Rec("3") + "\n");
        var run = Of(f);
        Assert.Equal(["1", "3"], run.Alerts.Select(a => a.Id));
        var r = Assert.Single(run.Rejects);
        Assert.Equal(2L, r.Line);
        Assert.Contains("larger than", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_JsonLinesWithOneBadLineInTheMiddle_NeighboursStillFlow()
    {
        var lines = Enumerable.Range(1, 9).Select(i => i == 5 ? "{\"fakeType\":\"x\" \"id\":5}" : Rec(i.ToString())).ToArray();
        var run = Of(_dir.Write("mid.jsonl", string.Join("\n", lines)));
        Assert.Equal(["1", "2", "3", "4", "6", "7", "8", "9"], run.Alerts.Select(a => a.Id));
        Assert.Equal(5L, Assert.Single(run.Rejects).Line);
    }

    [Fact]
    public void Run_DuplicateIds_AreDroppedOnceAndCounted()
    {
        var run = Of(_dir.Write("d.jsonl", string.Join("\n", Rec("1"), Rec("2"), Rec("1"), Rec("1"))));
        Assert.Equal(["1", "2"], run.Alerts.Select(a => a.Id));
        Assert.Equal(2, run.Counters.Duplicate);
        Assert.Equal(4, run.Counters.Read);
    }

    [Fact]
    public void Run_EventBridgeAndHecWrappers_AreRemovedBeforeDetection()
    {
        var eb = "{\"version\":\"0\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\",\"detail\":" + Rec("eb") + "}";
        var hec = "{\"time\":1714564800,\"host\":\"h\",\"sourcetype\":\"aws:cloudtrail\",\"event\":" + eb.Replace("\"eb\"", "\"hec\"", StringComparison.Ordinal) + "}";
        var run = Of(_dir.Write("w.jsonl", eb + "\n" + hec + "\n"));
        Assert.Empty(run.Rejects);
        Assert.Equal(["eb", "hec"], run.Alerts.Select(a => a.Id));
    }

    [Fact]
    public void Run_FolderInput_ReadsFilesRecursivelyInPathOrder()
    {
        _dir.Write("in/b/2.jsonl", Rec("b2"));
        _dir.Write("in/a.jsonl", Rec("a"));
        _dir.Write("in/b/1.json", "[" + Rec("b1") + "]");
        _dir.Write("in/.hidden.json", Rec("hidden"));
        var run = Of(_dir.File("in"));
        Assert.Equal(["a", "b1", "b2"], run.Alerts.Select(a => a.Id));
        Assert.Equal(3, run.Counters.Files);
    }

    [Fact]
    public void Run_GlobAndMissingPath_ExpandsOrRejects()
    {
        _dir.Write("g/x1.jsonl", Rec("x1"));
        _dir.Write("g/x2.jsonl", Rec("x2"));
        _dir.Write("g/y.txt", Rec("y"));
        var run = Of(_dir.File("g/*.jsonl"), _dir.File("nope.json"));
        Assert.Equal(["x1", "x2"], run.Alerts.Select(a => a.Id));
        var r = Assert.Single(run.Rejects);
        Assert.Equal("path not found", r.Reason);
    }

    [Fact]
    public void Run_MixedCsvAndJson_CountsFormatsAndUnmappedTypes()
    {
        var csv = _dir.Write("a.csv", "time,type,principal,provider,techniques\n2024-05-01T00:00:00Z,Login,alice,aws,T1078\n2024-05-01T00:01:00Z,Odd,alice,aws,\n");
        var json = _dir.Write("b.jsonl", Rec("j1", type: "Plain"));
        var run = Of(csv, json);
        Assert.Equal(3, run.Alerts.Count);
        Assert.Equal(2, run.Counters.ByFormat["csv"]);
        Assert.Equal(1, run.Counters.ByFormat["fake"]);
        Assert.Equal(["Odd", "Plain"], run.Counters.Unmapped().Select(u => u.Type).Order(StringComparer.Ordinal));
        Assert.Contains(run.Counters.Unmapped(), u => u.Product == AlertProduct.Csv && u.Type == "Odd" && u.Count == 1);
    }

    [Fact]
    public void Run_ForcedFormat_SkipsDetection()
    {
        var f = _dir.Write("a.jsonl", "{\"time\":\"2024-05-01T00:00:00Z\",\"type\":\"x\",\"principal\":\"p\",\"provider\":\"aws\",\"fakeType\":\"y\"}");
        var auto = Of(f);
        var forced = Of(new PipelineOptions { Format = "csv" }, f);
        Assert.Equal(AlertProduct.CloudTrail, Assert.Single(auto.Alerts).Product);
        Assert.Equal(AlertProduct.Csv, Assert.Single(forced.Alerts).Product);
    }

    [Fact]
    public void Ctor_UnknownFormat_ThrowsNamingTheChoices()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AlertPipeline(Registry, new PipelineOptions { Format = "splunk" }));
        Assert.Contains("auto, fake, csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RandomFiles_NeverThrowAndKeepTheCountInvariant()
    {
        var random = new Random(7);
        var files = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            files.Add(_dir.WriteBytes($"r{i:00}" + (i % 4 == 0 ? ".csv" : i % 4 == 1 ? ".json.gz" : ".json"), bytes));
        }

        var run = Of([.. files]);
        Assert.True(run.Counters.Rejected >= 1);
    }
}
