using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Sources.Normalized;
using CstmML.Ingestion.Tests.Pipeline;
using CstmML.Ingestion.Tests.TestSupport;
using CstmML.Testing;

namespace CstmML.Ingestion.Tests.Sources.Normalized;

/// <summary>Reading back the JSON Lines <c>cstm map</c> writes: exact, and the same with or without the fast path.</summary>
public sealed class NormalizedAlertSourceTests : IDisposable
{
    private const string Line = """{"id":"a-1","time":"2024-05-01T12:00:00+00:00","provider":"aws","product":"cloudtrail","type":"CreateUser","principal":"arn:aws:iam::1:role/R","principal_type":"role","session_name":"s","account":"1","region":"us-east-1","access_key_id":"ASIAX","outcome":"success","severity":5,"service":"iam.amazonaws.com","techniques":["T1136.003"],"tactics":["TA0003"],"mapping":[{"technique":"T1136.003","source":"curated","confidence":0.9,"rule":"curated:CreateUser"}],"raw_ref":{"file":"orig.json","line":1,"index":4}}""";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_MapOutputReadBackAndMappedAgain_IsByteIdentical()
    {
        var first = _dir.File("first.jsonl");
        var second = _dir.File("second.jsonl");
        var samples = RepoPath.Combine("training-data", "samples");
        Map([samples], first, new PipelineOptions());
        var again = Map([first], second, new PipelineOptions());
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.True(new FileInfo(first).Length > 10_000);
        Assert.Equal(again.Normalized, again.ByFormat[NormalizedAlertSource.FormatName]);
        Assert.Equal(0, again.Rejected);
    }

    [Fact]
    public void Run_MapOutputReadBack_FastPathTakesEveryLineAndEqualsTheDocumentPath()
    {
        var first = _dir.File("first.jsonl");
        var lines = Map([RepoPath.Combine("training-data", "samples")], first, new PipelineOptions()).Normalized;
        var fast = MapOutput.Of([first], new PipelineOptions());
        var slow = MapOutput.Of([first], new PipelineOptions { FastPaths = false });
        var parallel = MapOutput.Of([first], new PipelineOptions { Parallelism = 2 });
        Assert.Equal(lines, fast.FastRecords);
        Assert.Equal(slow.Alerts, fast.Alerts);
        Assert.Equal(slow.Summary, fast.Summary);
        Assert.Equal(fast.Alerts, parallel.Alerts);
    }

    [Fact]
    public void Run_OddNormalizedLines_FastEqualsDocumentPath()
    {
        string R(string from, string to) => Line.Replace(from, to, StringComparison.Ordinal);
        string[] lines =
        [
            Line,
            R("\"a-1\"", "\"a-2\"").Replace("+00:00", "+02:00", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-3\"").Replace("\"severity\":5", "\"severity\":11", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-4\"").Replace("\"region\"", "\"extra\":1,\"region\"", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-5\"").Replace("\"region\":\"us-east-1\"", "\"region\":\"us-east-1\",\"region\":\"eu-west-1\"", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-6\"").Replace("\"provider\":\"aws\"", "\"provider\":9", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-7\"").Replace("\"techniques\":[\"T1136.003\"]", "\"techniques\":[\"nope\"]", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-8\"").Replace("\"account\":\"1\"", "\"account\":null", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-9\"").Replace(",\"raw_ref\":{\"file\":\"orig.json\",\"line\":1,\"index\":4}", string.Empty, StringComparison.Ordinal),
            R("\"a-1\"", "\"a-11\"").Replace("\"region\"", "\"\\u0072egion\"", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-12\"").Replace("\"provider\":\"aws\"", "\"provider\":\"AWS\"", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-13\"").Replace("\"rule\":\"curated:CreateUser\"", "\"rule\":null", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-14\"").Replace(",\"confidence\":0.9", string.Empty, StringComparison.Ordinal),
            R("\"a-1\"", "\"a-15\"").Replace("\"source\":\"curated\"", "\"source\":\"curated\",\"note\":1", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-16\"").Replace("\"techniques\":[\"T1136.003\"]", "\"techniques\":[null]", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-17\"").Replace("\"index\":4", "\"index\":null", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-18\"").Replace("\"line\":1,", string.Empty, StringComparison.Ordinal),
            R("\"a-1\"", "\"a-19\"").Replace("\"line\":1", "\"line\":1.5", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-20\"").Replace("\"severity\":5", "\"severity\":\"5\"", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-21\"").Replace("\"session_name\":\"s\"", "\"session_name\":5", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-22\"").Replace("\"file\":\"orig.json\"", "\"file\":\"orig.json\",\"file\":\"other.json\"", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-23\"").Replace("\"region\"", "\"ingested\":\"2024-05-01T12:00:01Z\",\"region\"", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-24\"").Replace("\"tactics\":[\"TA0003\"]", "\"tactics\":[\"TA0003\",\"TA0004\"]", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-25\"").Replace("\"source\":\"curated\"", "\"source\":\"native\"", StringComparison.Ordinal),
            R("\"a-1\"", "\"a-26\"").Replace("\"product\":\"cloudtrail\"", "\"product\":\"csv\"", StringComparison.Ordinal),
            """{"time":"2024-05-01T00:00:00Z","type":"Flat","principal":"p","provider":"aws","id":"flat"}""",
            R("\"a-1\"", "\"a-10\""),
        ];
        var file = _dir.Write("odd.jsonl", string.Join("\n", lines) + "\n");
        var fast = MapOutput.Of([file], new PipelineOptions());
        var slow = MapOutput.Of([file], new PipelineOptions { FastPaths = false });
        Assert.Equal(slow.Alerts, fast.Alerts);
        Assert.Equal(slow.Rejects, fast.Rejects);
        Assert.Equal(slow.Summary, fast.Summary);
        Assert.InRange(fast.FastRecords, 1, lines.Length - 1);

        // After the flat line (csv won it) csv is asked first and takes the last normalized line too.
        Assert.Contains("\"id\":\"a-10\"", fast.Alerts[^1], StringComparison.Ordinal);
        Assert.Contains("\"rule\":\"csv:techniques\"", fast.Alerts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeededMutationsOfMapLines_FastEqualsDocumentPath()
    {
        var first = _dir.File("first.jsonl");
        Map([RepoPath.Combine("training-data", "samples")], first, new PipelineOptions());
        var bases = File.ReadAllLines(first);
        var random = new Random(5);
        var lines = Enumerable.Range(0, 600).Select(i =>
            FastPathDifferentialTests.Mutate(bases[random.Next(bases.Length)], random).Replace("\"id\":\"", "\"id\":\"m" + i + "-", StringComparison.Ordinal));
        // Many small files: a line that lost raw_ref goes to csv, which then takes the rest of its file (detection
        // asks the file's last winner first), so long files would leave the fast path little to do.
        var files = lines.Chunk(10).Select((c, i) => _dir.Write($"m/{i:000}.jsonl", string.Join("\n", c) + "\n")).ToArray();
        var fast = MapOutput.Of(files, new PipelineOptions());
        var slow = MapOutput.Of(files, new PipelineOptions { FastPaths = false });
        Assert.Equal(slow.Alerts, fast.Alerts);
        Assert.Equal(slow.Rejects, fast.Rejects);
        Assert.Equal(slow.Summary, fast.Summary);
        Assert.True(fast.FastRecords > 100);
    }

    [Fact]
    public void Normalize_DefaultedFieldsMissingOrNull_TakeTheirDefaults()
    {
        var missing = Normalize(Line.Replace("\"account\":\"1\",", string.Empty, StringComparison.Ordinal)).Alert!;
        var nulls = Normalize(Line.Replace("\"outcome\":\"success\"", "\"outcome\":null", StringComparison.Ordinal)
            .Replace("\"mapping\":[", "\"mapping\":null,\"x\":[", StringComparison.Ordinal)).Alert!;
        Assert.Equal(string.Empty, missing.Account);
        Assert.Equal((Outcomes.Success, 0), (nulls.Outcome, nulls.Mapping.Count));
    }

    [Fact]
    public void Normalize_OffsetTime_IsConvertedToUtc()
    {
        var alert = Normalize(Line.Replace("12:00:00+00:00", "14:00:00+02:00", StringComparison.Ordinal)).Alert!;
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), alert.Time);
        Assert.Equal(TimeSpan.Zero, alert.Time.Offset);
    }

    [Fact]
    public void Normalize_MapLine_KeepsMappingProvenanceAndOriginalRawRef()
    {
        var alert = Normalize(Line).Alert!;
        Assert.Equal(new RawRef("orig.json", 1, 4), alert.RawRef);
        var m = Assert.Single(alert.Mapping);
        Assert.Equal((MappingSource.Curated, 0.9, "curated:CreateUser"), (m.Source, m.Confidence, m.Rule));
        Assert.Equal("ASIAX", alert.AccessKeyId);
    }

    [Theory]
    [InlineData("\"severity\":5", "\"severity\":11", "severity 11 is not from 0 to 10", "severity")]
    [InlineData("\"principal\":\"arn:aws:iam::1:role/R\"", "\"principal\":\"\"", "principal must be a non-empty string", "principal")]
    [InlineData("\"provider\":\"aws\"", "\"provider\":9", "provider 9 is not a known provider", "provider")]
    [InlineData("\"techniques\":[\"T1136.003\"]", "\"techniques\":[\"nope\"]", "not a normalized alert: Invalid ATT&CK technique id", "techniques[0]")]
    public void Normalize_BadValue_IsRejectedNamingTheField(string from, string to, string error, string field)
    {
        var result = Normalize(Line.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal((error, field), (result.Error, result.Field));
    }

    [Fact]
    public void Matches_MapLineButNotCsvRowOrCloudTrail_OnlyTheMapLine()
    {
        Assert.True(Matches(Line));
        Assert.False(Matches("""{"time":"2024-05-01T00:00:00Z","type":"Flat","principal":"p"}"""));
        Assert.False(Matches(FastPathDifferentialTests.BaseRecords()[0]));
    }

    private static NormalizeResult Normalize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return NormalizedAlertSource.Instance.Normalize(doc.RootElement, new RawRef("in.jsonl", 1));
    }

    private static bool Matches(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return NormalizedAlertSource.Instance.Matches(doc.RootElement);
    }

    private static PipelineCounters Map(string[] inputs, string output, PipelineOptions options)
    {
        var pipeline = new AlertPipeline(SourceRegistry.Default, options);
        using (var writer = new JsonLinesWriter(File.Create(output)))
        {
            foreach (var alert in pipeline.Run(inputs))
            {
                writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
            }
        }

        Assert.NotEqual(0, new FileInfo(output).Length);
        return pipeline.Counters;
    }
}
