using System.Text;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

public class JsonRecordReaderTests
{
    private static (List<(string Json, RawRef Ref)> Records, List<RejectRecord> Rejects) ReadAll(string text, ReaderOptions? options = null) =>
        ReadAll(Encoding.UTF8.GetBytes(text), options);

    private static (List<(string Json, RawRef Ref)> Records, List<RejectRecord> Rejects) ReadAll(byte[] bytes, ReaderOptions? options = null)
    {
        var rejects = new List<RejectRecord>();
        var records = new List<(string, RawRef)>();
        using var reader = new JsonRecordReader(new MemoryStream(bytes), "in.json", options ?? new ReaderOptions(), rejects.Add);
        while (reader.TryRead(out var record, out var rawRef))
        {
            records.Add((record.GetRawText(), rawRef));
        }

        return (records, rejects);
    }

    // A tiny buffer and record limit force every refill, growth and streaming path on small inputs.
    private static readonly ReaderOptions Tiny = new() { BufferBytes = 16, MaxRecordBytes = 200 };

    [Fact]
    public void TryRead_JsonLines_YieldsEachLineWithItsLineNumber()
    {
        var (records, rejects) = ReadAll("{\"a\":1}\n\n{\"a\":2}\r\n{\"a\":3}");
        Assert.Empty(rejects);
        Assert.Equal([1L, 3L, 4L], records.Select(r => r.Ref.Line));
        Assert.All(records, r => Assert.Null(r.Ref.Index));
        Assert.Equal("{\"a\":3}", records[2].Json);
    }

    [Fact]
    public void TryRead_Array_YieldsElementsWithIndexAndLine()
    {
        var (records, rejects) = ReadAll("[\n {\"a\":1},\n {\"a\":2}\n]\n", Tiny);
        Assert.Empty(rejects);
        Assert.Equal([0L, 1L], records.Select(r => r.Ref.Index!.Value));
        Assert.Equal([2L, 3L], records.Select(r => r.Ref.Line));
    }

    [Theory]
    [InlineData("Records")]
    [InlineData("Findings")]
    [InlineData("value")]
    [InlineData("listFindingsResults")]
    [InlineData("findings")]
    [InlineData("data")]
    [InlineData("items")]
    public void TryRead_Envelope_YieldsTheContainerElements(string key)
    {
        var text = $"{{\"nextToken\":\"x\",\"{key}\":[{{\"a\":1}},{{\"a\":2}}],\"other\":[1]}}";
        foreach (var options in new[] { new ReaderOptions(), Tiny })
        {
            var (records, rejects) = ReadAll(text, options);
            Assert.Empty(rejects);
            Assert.Equal(["{\"a\":1}", "{\"a\":2}"], records.Select(r => r.Json));
            Assert.Equal([0L, 1L], records.Select(r => r.Ref.Index!.Value));
        }
    }

    [Fact]
    public void TryRead_LargeOneLineEnvelope_StreamsEveryElementWithinTheRecordLimit()
    {
        // 2,000 records on one line, 50x the record limit: only element-by-element streaming can read it.
        var sb = new StringBuilder("{\"Records\":[");
        for (var i = 0; i < 2000; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("{\"eventID\":\"e").Append(i).Append("\",\"pad\":\"0123456789\"}");
        }

        sb.Append("]}");
        var (records, rejects) = ReadAll(sb.ToString(), new ReaderOptions { BufferBytes = 256, MaxRecordBytes = 1024 });
        Assert.Empty(rejects);
        Assert.Equal(2000, records.Count);
        Assert.Equal(1999L, records[^1].Ref.Index);
        Assert.Contains("\"e1999\"", records[^1].Json, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_LargeEnvelopeWithHugeFieldBeforeTheArray_FindsTheArray()
    {
        var text = "{\"meta\":\"" + new string('m', 1000) + "\",\"nested\":{\"Records\":\"no\"},\"Records\":[{\"a\":1},{\"big\":\"" +
            new string('b', 1000) + "\"},{\"a\":3}],\"tail\":[{\"x\":\"}\"}]}\n{\"after\":1}";
        var (records, rejects) = ReadAll(text, Tiny);
        Assert.Equal(["{\"a\":1}", "{\"a\":3}", "{\"after\":1}"], records.Select(r => r.Json));
        Assert.Equal(1L, Assert.Single(rejects).Index);
    }

    [Fact]
    public void TryRead_OversizedFirstElement_IsSkippedAndTheNextFlows()
    {
        var (records, rejects) = ReadAll("[{\"big\":\"" + new string('z', 800) + "\"},{\"a\":2}]", Tiny);
        Assert.Equal(["{\"a\":2}"], records.Select(r => r.Json));
        Assert.Equal(0L, Assert.Single(rejects).Index);
    }

    [Fact]
    public void TryRead_SingleDocument_IsOneRecord()
    {
        var (records, rejects) = ReadAll("{\n  \"a\": {\"b\": [1, 2]}\n}\n");
        Assert.Empty(rejects);
        Assert.Single(records);
        Assert.Equal(1L, records[0].Ref.Line);
    }

    [Fact]
    public void TryRead_OversizedElement_IsRejectedAndNeighboursFlow()
    {
        var big = new string('x', 500);
        var text = $"[{{\"a\":1}},{{\"big\":\"{big}\",\"n\":{{\"m\":[1,2,3]}}}},{{\"a\":3}}]";
        var (records, rejects) = ReadAll(text, Tiny);
        Assert.Equal(["{\"a\":1}", "{\"a\":3}"], records.Select(r => r.Json));
        var reject = Assert.Single(rejects);
        Assert.Equal(1L, reject.Index);
        Assert.Contains("larger than 200 bytes", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_BadLineInJsonLines_IsRejectedAndBothNeighboursFlow()
    {
        var (records, rejects) = ReadAll("{\"a\":1}\n{\"a\": 2,,}\n{\"a\":3}\n");
        Assert.Equal(["{\"a\":1}", "{\"a\":3}"], records.Select(r => r.Json));
        var reject = Assert.Single(rejects);
        Assert.Equal(2L, reject.Line);
        Assert.StartsWith("invalid JSON", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("resumed at line 3", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_TruncatedLineInJsonLines_DoesNotSwallowTheNextLine()
    {
        var (records, rejects) = ReadAll("{\"a\":1}\n{\"a\": 2\n{\"a\":3}\n");
        Assert.Equal(["{\"a\":1}", "{\"a\":3}"], records.Select(r => r.Json));
        Assert.Equal(2L, Assert.Single(rejects).Line);
    }

    [Fact]
    public void TryRead_SyntaxErrorInsideArray_RejectsTheRestAndKeepsWhatCameBefore()
    {
        var (records, rejects) = ReadAll("[{\"a\":1},\n{\"a\":2 \"b\"},\n{\"a\":3}]");
        Assert.Equal(["{\"a\":1}"], records.Select(r => r.Json));
        var reject = Assert.Single(rejects);
        Assert.Equal(2L, reject.Line);
        Assert.Equal(1L, reject.Index);
        Assert.Contains("rest of file skipped", reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData("  \n\n ", "no JSON records")]
    public void TryRead_EmptyInput_IsOneReject(string text, string reason)
    {
        var (records, rejects) = ReadAll(text);
        Assert.Empty(records);
        Assert.Contains(reason, Assert.Single(rejects).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_TopLevelScalarsAndNonObjectElements_AreRejectedWithLocation()
    {
        var (records, rejects) = ReadAll("42\n[1, {\"a\":1}, [2]]\n");
        Assert.Single(records);
        Assert.Equal(3, rejects.Count);
        Assert.Contains("number", rejects[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0L, rejects[1].Index);
        Assert.Equal(2L, rejects[2].Index);
    }

    [Fact]
    public void TryRead_NonUtf8BytesInOneLine_RejectsOnlyThatLine()
    {
        var bytes = Encoding.ASCII.GetBytes("{\"a\":\"ok\"}\n{\"a\":\"caf?\"}\n{\"a\":\"ok2\"}\n");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9;
        var (records, rejects) = ReadAll(bytes);
        Assert.Equal(2, records.Count);
        var reject = Assert.Single(rejects);
        Assert.Equal(2L, reject.Line);
        Assert.Contains("non-UTF-8", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_Utf8Bom_IsSkipped()
    {
        var (records, rejects) = ReadAll([0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8.ToArray()]);
        Assert.Empty(rejects);
        Assert.Single(records);
    }

    [Fact]
    public void TryRead_DeepNesting_IsRejectedNotThrown()
    {
        var deep = new string('[', 500) + new string(']', 500);
        var text = "{\"a\":1}\n{\"d\":" + deep + "}\n{\"a\":3}\n";
        var (records, rejects) = ReadAll(text);
        Assert.Equal(2, records.Count);
        Assert.Contains("depth", Assert.Single(rejects).Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryRead_RandomBytes_NeverThrows()
    {
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            // Bias half of the cases towards JSON-looking noise, which reaches deeper reader states.
            if (i % 2 == 0)
            {
                const string Alphabet = "{}[]\":,\n 0123abc\\";
                for (var j = 0; j < bytes.Length; j++)
                {
                    bytes[j] = (byte)Alphabet[random.Next(Alphabet.Length)];
                }
            }

            var (records, rejects) = ReadAll(bytes, i % 3 == 0 ? Tiny : null);
            Assert.All(records, r => Assert.True(JsonDocument.Parse(r.Json).RootElement.ValueKind == JsonValueKind.Object));
            Assert.All(rejects, r => Assert.False(string.IsNullOrEmpty(r.Reason)));
        }
    }

    [Theory]
    [InlineData("{\"Records\":[{\"a\":1},{\"a\":2}]}\n{\"Records\":[{\"a\":3}],\"x\":1}")]
    [InlineData("{\"Records\":{\"a\":1}}\n{\"Records\":\"text\"}\n{\"Records\":[1,{\"b\":2}]}")]
    [InlineData("{\"Records\":[{\"a\":1},]}\n{\"a\":2}\n{\"Records\":[{\"a\":\"\\ud800\"}]}")]
    [InlineData("{\"Records\":[{\"a\":1}]\n{\"a\":2}\n{\"Records\"}\n{\"value\":[{\"c\":3}]} {\"items\":[{\"d\":4}]}")]
    [InlineData("{\"Records\":[{\"a\":[[[[[[[[[[1]]]]]]]]]]}]}\n{\"Findings\":[{\"a\":1}],\"Records\":[{\"b\":2}]}")]
    [InlineData("[{\"Records\":[{\"a\":1}]}]\n{\"Rec\\u006frds\":[{\"a\":1}]}")]
    public void TryRead_EnvelopesInOnePass_SameRecordsAndRejectsAsTheTwoPassRead(string text)
    {
        // Also with a tiny buffer (every envelope arrives in pieces) and a shallow depth limit.
        foreach (var options in new[] { new ReaderOptions(), Tiny, new ReaderOptions { MaxDepth = 8 } })
        {
            var onePass = ReadAll(text, options);
            var twoPass = ReadAll(text, options with { EnvelopesInOnePass = false });

            Assert.Equal(twoPass.Records, onePass.Records);
            Assert.Equal(twoPass.Rejects, onePass.Rejects);
        }
    }

    [Fact]
    public void TryRead_EnvelopesInOnePass_SameAsTwoPassOnRandomEnvelopeNoise()
    {
        var random = new Random(7);
        const string Alphabet = "{}[]\":,\n 01ab\\";
        for (var i = 0; i < 400; i++)
        {
            // An envelope start, then JSON-looking noise: reaches the one-pass route and every way it can give up.
            var noise = new char[random.Next(0, 120)];
            for (var j = 0; j < noise.Length; j++)
            {
                noise[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = "{\"Records\":[{\"a\":1}" + new string(noise) + "\n{\"a\":2}\n";
            var options = i % 2 == 0 ? new ReaderOptions() : Tiny;
            var onePass = ReadAll(text, options);
            var twoPass = ReadAll(text, options with { EnvelopesInOnePass = false });

            Assert.Equal(twoPass.Records, onePass.Records);
            Assert.Equal(twoPass.Rejects, onePass.Rejects);
        }
    }

    [Fact]
    public void TryRead_StreamReturningAFewBytesPerRead_SameAsWholeInput()
    {
        var text = "{\"Records\":[{\"a\":1},{\"a\":2}]}\n{\"b\":1}\n{bad}\n[{\"c\":1},{\"c\":2}]\n{\"value\":[{\"d\":1}]}";
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var options in new[] { new ReaderOptions(), Tiny })
        {
            var whole = ReadAll(bytes, options);
            var rejects = new List<RejectRecord>();
            var records = new List<(string, RawRef)>();
            using (var reader = new JsonRecordReader(new TrickleStream(bytes, 3), "in.json", options, rejects.Add))
            {
                while (reader.TryRead(out var record, out var rawRef))
                {
                    records.Add((record.GetRawText(), rawRef));
                }
            }

            Assert.Equal(6, whole.Records.Count);
            Assert.Equal(whole.Records, records);
            Assert.Equal(whole.Rejects, rejects);
        }
    }

    // Returns at most `chunk` bytes per read, as a decompressing or network stream may.
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
