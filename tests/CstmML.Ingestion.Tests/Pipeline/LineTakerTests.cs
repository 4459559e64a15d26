using System.Text;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary>
/// A <see cref="LineTaker"/> must change nothing the reader reports: with a taker that takes every line it may, the
/// records (bytes and references, in order) and the rejects equal those of the reader alone, on inputs built to hit
/// line-end, buffer and limit edges.
/// </summary>
public class LineTakerTests
{
    private const string Record = """{"eventVersion":"1.08","eventTime":"2024-05-01T12:00:00Z","eventID":"e","eventName":"ListBuckets","requestParameters":{"a":[1,{"b":null}]}}""";

    // A tiny buffer and record limit force refills, growth and lines across the buffer's end on small inputs.
    private static readonly ReaderOptions Tiny = new() { BufferBytes = 64, MaxRecordBytes = 400 };

    public static TheoryData<string, string> Inputs()
    {
        var big = Record.Replace("\"e\"", "\"" + new string('x', 500) + "\"", StringComparison.Ordinal);
        var deep = "{\"a\":" + new string('[', 70) + new string(']', 70) + "}";
        return new TheoryData<string, string>
        {
            { "lf", $"{Record}\n{Record}\n{Record}\n" },
            { "crlf", $"{Record}\r\n{Record}\r\n{Record}\r\n" },
            { "blank lines and indentation", $"\n\n  {Record}\n\r\n\t{Record}  \n \n{Record}\n\n" },
            { "no final line feed", $"{Record}\n{Record}" },
            { "no final line feed, trailing blanks", $"{Record}\n{Record} \t " },
            { "line over the size limit", $"{Record}\n{big}\n{Record}\n" },
            { "two objects on one line", $"{Record} {Record}\n{Record}{{\"a\":1}}\n{Record}\n" },
            { "garbage after an object", $"{Record} x\n{Record},\n{Record}]\n{Record}\n" },
            { "truncated last line", $"{Record}\n{Record[..40]}" },
            { "invalid JSON lines", $"{Record}\n{{\"a\":}}\n{{oops}}\n{Record}\n" },
            { "too deep", $"{Record}\n{deep}\n{Record}\n" },
            { "scalars and arrays", $"{Record}\n42\n[{Record}]\n\"s\"\n{Record}\n" },
            { "envelope line", $"{Record}\n{{\"Records\":[{Record},{Record}]}}\n{{\"Rec\\u006frds\":[{Record}]}}\n{Record}\n" },
            { "only white space", " \n\r\n\t" },
            { "line feed inside a string", $"{{\"a\":\"x\ny\"}}\n{Record}\n" },
        };
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TryReadRaw_WithATakerThatTakesWhatItMay_ReportsWhatTheReaderAloneReports(string name, string text)
    {
        foreach (var options in new[] { new ReaderOptions(), Tiny })
        {
            var alone = Read(Encoding.UTF8.GetBytes(text), options, take: false);
            var taken = Read(Encoding.UTF8.GetBytes(text), options, take: true);
            Assert.Equal(alone.Records, taken.Records);
            Assert.Equal(alone.Rejects, taken.Rejects);
            Assert.Equal(0, alone.Taken);
            if (name is "lf" or "crlf")
            {
                // Lines across the tiny buffer's end go the usual way; with the default buffer every line is taken.
                Assert.True(options == Tiny || taken.Taken == 3, $"{name}: {taken.Taken} taken");
            }
        }
    }

    [Fact]
    public void TryReadRaw_BomAndInvalidUtf8MidLine_SameRecordsAndRejectsAsTheReaderAlone()
    {
        var record = Encoding.UTF8.GetBytes(Record + "\n");
        var bad = Encoding.UTF8.GetBytes(Record.Replace("ListBuckets", "List#uckets", StringComparison.Ordinal) + "\n");
        bad[Array.IndexOf(bad, (byte)'#')] = 0xC3;
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. record, .. bad, .. record];
        foreach (var options in new[] { new ReaderOptions(), Tiny })
        {
            var alone = Read(bytes, options, take: false);
            var taken = Read(bytes, options, take: true);
            Assert.Equal(alone.Records, taken.Records);
            Assert.Equal(alone.Rejects, taken.Rejects);
            Assert.Single(alone.Rejects);
            Assert.Equal(2, taken.Records.Count);
        }
    }

    private static (List<string> Records, List<string> Rejects, int Taken) Read(byte[] bytes, ReaderOptions options, bool take)
    {
        var records = new List<string>();
        var rejects = new List<string>();
        var taken = 0;
        LineTaker? taker = take ? (line, rawRef) =>
        {
            if (!MayTake(line, options.MaxDepth))
            {
                return false;
            }

            records.Add(Describe(line, rawRef));
            taken++;
            return true;
        }
        : null;
        using var reader = new JsonRecordReader(new MemoryStream(bytes), "in.jsonl", options, r => rejects.Add(JsonSerializer.Serialize(r, CstmJsonContext.Default.RejectRecord)), taker);
        while (reader.TryReadRaw(out var raw, out var rawRef))
        {
            if (!raw.IsEmpty)
            {
                records.Add(Describe(raw, rawRef));
            }
        }

        return (records, rejects, taken);
    }

    // The taker contract: exactly one object within the depth limit, no container key or escaped name on top.
    private static bool MayTake(ReadOnlySpan<byte> line, int maxDepth)
    {
        try
        {
            var r = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = maxDepth });
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueIsEscaped || ContainerKeys.IsContainer(r.ValueSpan))
                {
                    return false;
                }

                r.Read();
                r.Skip();
            }

            return r.BytesConsumed == line.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe(ReadOnlySpan<byte> raw, RawRef rawRef) => $"{rawRef.File}:{rawRef.Line}#{rawRef.Index} {Encoding.UTF8.GetString(raw)}";
}
