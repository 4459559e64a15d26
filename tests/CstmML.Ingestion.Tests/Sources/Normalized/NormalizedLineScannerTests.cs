using System.Globalization;
using System.Text;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Sources.Normalized;
using CstmML.Ingestion.Tests.Pipeline;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Sources.Normalized;

/// <summary>
/// The byte scanner against the <see cref="System.Text.Json.Utf8JsonReader"/> pass it sits in front of: on every line
/// <c>cstm map</c> writes for the fixtures, samples and corpus, and on seeded mutations of them, the reader with the
/// scanner gives exactly the alert (or the null) of the reader without it.
/// </summary>
public sealed class NormalizedLineScannerTests
{
    private const string Line = """{"id":"a-1","time":"2024-05-01T12:00:00+00:00","provider":"aws","product":"cloudtrail","type":"CreateUser","principal":"arn:aws:iam::1:role/R","principal_type":"role","session_name":"s","account":"1","region":"us-east-1","access_key_id":"ASIAX","outcome":"success","severity":5,"service":"iam.amazonaws.com","techniques":["T1136.003"],"tactics":["TA0003"],"mapping":[{"technique":"T1136.003","source":"curated","confidence":0.9,"rule":"curated:CreateUser"}],"raw_ref":{"file":"orig.json","line":1,"index":4}}""";

    // Every line map writes for the fixtures of every source, the samples and the corpus (read once per test run).
    private static readonly Lazy<List<string>> WriterLines = new(() =>
    {
        var fixtures = Directory.GetDirectories(RepoPath.Tests("Sources"), "Fixtures", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        string[] inputs = [.. fixtures, RepoPath.Combine("training-data", "samples"), RepoPath.Combine("training-data", "corpus")];
        return MapOutput.Of(inputs, new PipelineOptions()).Alerts;
    });

    [Fact]
    public void TryReadLine_EveryLineMapWrites_ScannerTakesItAndEqualsTheReader()
    {
        var lines = WriterLines.Value;
        var (reference, scanning) = Readers();
        foreach (var line in lines)
        {
            var expected = reference.TryReadLine(Encoding.UTF8.GetBytes(line));
            Assert.NotNull(expected);
            AssertSame(expected, scanning.TryReadLine(Encoding.UTF8.GetBytes(line)), line);
        }

        Assert.True(lines.Count > 40_000, $"{lines.Count} lines");
        Assert.Equal(lines.Count, scanning.Scanned);
        Assert.Equal(0, reference.Scanned);

        // Every property the writer can write occurs, so each of the scanner's literals was matched at least once.
        string[] names =
        [
            "id", "time", "ingested", "provider", "product", "type", "principal", "principal_type", "session_name", "account", "region",
            "source_ip", "user_agent", "access_key_id", "outcome", "severity", "service", "techniques", "tactics", "mapping", "raw_ref",
            "file", "line", "index", "technique", "source", "confidence", "rule",
        ];
        Assert.All(names, name => Assert.Contains(lines, l => l.Contains($"\"{name}\":", StringComparison.Ordinal)));
    }

    [Fact]
    public void TryRead_EveryLineMapWritesWithFreshReaders_EqualsTheReader()
    {
        // Cold caches each time: every array is found by bracket matching and parsed, none comes from the cache.
        foreach (var line in WriterLines.Value.Where((_, i) => i % 20 == 0))
        {
            var (reference, scanning) = Readers();
            AssertSame(reference.TryRead(Encoding.UTF8.GetBytes(line)), scanning.TryRead(Encoding.UTF8.GetBytes(line)), line);
            Assert.Equal(1, scanning.Scanned);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TryReadLine_SeededMutations_EqualTheReader(int seed)
    {
        var bases = WriterLines.Value;
        var random = new Random(seed);
        var (reference, scanning) = Readers();
        int accepted = 0, declined = 0;
        for (var i = 0; i < 25_000; i++)
        {
            // Mostly one mutation, sometimes two; the unmutated line now and then keeps the caches warm with its arrays.
            var line = bases[random.Next(bases.Count)];
            var mutated = random.Next(10) switch
            {
                0 => line,
                1 => NormalizedLineMutator.Mutate(NormalizedLineMutator.Mutate(line, random), random),
                _ => NormalizedLineMutator.Mutate(line, random),
            };
            var bytes = Encoding.UTF8.GetBytes(mutated);
            var before = scanning.Scanned;
            AssertSame(reference.TryReadLine(bytes), scanning.TryReadLine(bytes), mutated);
            if (scanning.Scanned > before)
            {
                accepted++;
            }
            else
            {
                declined++;
            }
        }

        // Both sides of every guard are reached: many mutated lines still fit the layout, many do not.
        Assert.True(accepted > 5_000 && declined > 5_000, $"scanned {accepted}, declined {declined}");
    }

    [Theory]
    [InlineData("+00:00\"", "Z\"", true)]
    [InlineData("12:00:00+00:00", "12:00:00.1234567+00:00", true)]
    [InlineData("12:00:00+00:00", "12:00:00.5Z", true)]
    [InlineData("\"severity\":5", "\"severity\":5.25", true)]
    [InlineData("\"severity\":5", "\"severity\":-0", true)]
    [InlineData("\"region\":\"us-east-1\",", "", true)]
    [InlineData(",\"index\":4", "", true)]
    [InlineData("\"session_name\":\"s\"", "\"session_name\":\"caf\u00e9 \U0001F600\"", true)]
    [InlineData("\"rule\":\"curated:CreateUser\"", "\"rule\":\"a]b}c[\"", true)]
    [InlineData("\"principal\":\"arn:aws:iam::1:role/R\",", "\"principal\":\"arn:aws:iam::1:role/R\",\"ingested\":\"2024-05-01T12:00:01Z\",", false)]
    [InlineData("+00:00\"", "+02:00\"", false)]
    [InlineData("12:00:00+00:00", "12:00:00.12345678+00:00", false)]
    [InlineData("\"severity\":5", "\"severity\":5e0", false)]
    [InlineData("\"severity\":5", "\"severity\":05", false)]
    [InlineData("\"region\":\"us-east-1\"", "\"region\": \"us-east-1\"", false)]
    [InlineData("\"region\":\"us-east-1\"", "\"region\":\"us-east-\\u0031\"", false)]
    [InlineData("\"region\":\"us-east-1\"", "\"region\":null", false)]
    [InlineData("\"region\":\"us-east-1\"", "\"region\":\"us-east-1\",\"region\":\"us-east-1\"", false)]
    [InlineData("\"line\":1", "\"line\":1.0", false)]
    [InlineData("\"line\":1", "\"line\":-1", false)]
    [InlineData("\"provider\":\"aws\"", "\"provider\":\"AWS\"", false)]
    [InlineData("\"session_name\":\"s\"", "\"session_name\":\"a\\\"b\"", false)]
    [InlineData("}}", "}} ", false)]
    [InlineData("}}", "}", false)]
    public void TryReadLine_OneVariant_ScansOnlyTheWritersLayoutAndEqualsTheReader(string from, string to, bool scanned)
    {
        var line = Line.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Line, line);
        var bytes = Encoding.UTF8.GetBytes(line);
        var (reference, scanning) = Readers();
        AssertSame(reference.TryReadLine(bytes), scanning.TryReadLine(bytes), line);
        Assert.Equal(scanned ? 1 : 0, scanning.Scanned);
    }

    [Theory]
    [InlineData("\"session_name\":\"s\"", "\"session_name\":\"a\u0001b\"")]
    [InlineData("\"time\":\"2024-05-01T12:00:00+00:00\"", "\"time\":\"2024-05-01T24:00:00+00:00\"")]
    [InlineData("\"time\":\"2024-05-01T12:00:00+00:00\"", "\"time\":\"2023-02-29T12:00:00+00:00\"")]
    [InlineData("\"techniques\":[\"T1136.003\"]", "\"techniques\":[\"T1136.003\",]")]
    [InlineData("\"mapping\":[{", "\"mapping\":[{\"technique\":\"T1\"]},{")]
    public void TryReadLine_InvalidVariant_NeitherReaderTakesIt(string from, string to)
    {
        var bytes = Encoding.UTF8.GetBytes(Line.Replace(from, to, StringComparison.Ordinal));
        var (reference, scanning) = Readers();
        Assert.Null(reference.TryReadLine(bytes));
        Assert.Null(scanning.TryReadLine(bytes));
        Assert.Equal(0, scanning.Scanned);
    }

    [Fact]
    public void TryReadLine_InvalidUtf8InAString_LeftToTheReader()
    {
        var bytes = Encoding.UTF8.GetBytes(Line).ToList();
        bytes.Insert(Line.IndexOf("\"s\"", StringComparison.Ordinal) + 2, 0xC3);
        var (reference, scanning) = Readers();
        AssertSame(reference.TryReadLine([.. bytes]), scanning.TryReadLine([.. bytes]), "invalid UTF-8");
        Assert.Equal(0, scanning.Scanned);
    }

    private static (NormalizedUtf8Reader Reference, NormalizedUtf8Reader Scanning) Readers() =>
        (new NormalizedUtf8Reader(new Utf8StringCache()) { ScannerEnabled = false }, new NormalizedUtf8Reader(new Utf8StringCache()));

    private static void AssertSame(NormalizedAlert? expected, NormalizedAlert? actual, string line)
    {
        Assert.True((expected is null) == (actual is null), $"reader: {(expected is null ? "null" : "alert")}, with scanner: {(actual is null ? "null" : "alert")}: {line}");
        if (expected is not null)
        {
            Assert.Equal(Describe(expected), Describe(actual!));
        }
    }

    // Every field, exactly: the time's offset, the bits of the doubles, the list contents (record equality compares
    // DateTimeOffset by instant, doubles by value and lists by reference).
    private static string Describe(NormalizedAlert a)
    {
        var c = CultureInfo.InvariantCulture;
        static string Time(DateTimeOffset t) => $"{t.Ticks}{t.Offset}";
        static string Bits(double d) => BitConverter.DoubleToInt64Bits(d).ToString(CultureInfo.InvariantCulture);
        var mapping = string.Join(";", a.Mapping.Select(m => $"{m.Technique.Value}|{m.Source}|{Bits(m.Confidence)}|{m.Rule ?? "<null>"}"));
        return string.Join(
            "\n",
            a.Id,
            Time(a.Time),
            a.Ingested is { } i ? Time(i) : "<null>",
            a.Provider.ToString(),
            a.Product.ToString(),
            a.Type,
            a.Principal,
            a.PrincipalType,
            a.SessionName ?? "<null>",
            a.Account,
            a.Region ?? "<null>",
            a.SourceIp ?? "<null>",
            a.UserAgent ?? "<null>",
            a.AccessKeyId ?? "<null>",
            a.Outcome,
            Bits(a.Severity),
            a.Service ?? "<null>",
            string.Join(",", a.Techniques.Select(t => t.Value)),
            string.Join(",", a.Tactics.Select(t => t.Value)),
            mapping,
            $"{a.RawRef.File}|{a.RawRef.Line.ToString(c)}|{a.RawRef.Index?.ToString(c) ?? "<null>"}");
    }
}
