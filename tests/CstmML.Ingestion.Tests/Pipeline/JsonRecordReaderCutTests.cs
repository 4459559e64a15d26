using System.Text;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary>
/// <see cref="JsonRecordReader"/> on a piece that ends at a cut (<see cref="ReaderStart.SoftEnd"/>): it stops there and
/// says whether the whole-file reader would stand at top level after a record (<see cref="JsonRecordReader.EndedClean"/>).
/// </summary>
public class JsonRecordReaderCutTests
{
    [Theory]
    [InlineData("{\"a\":1}\n{\"b\":2}\n", true)]
    [InlineData("{\"a\":1}\n\n  \r\n", true)]
    [InlineData("[{\"a\":1},\n{\"b\":2}]\n", true)]
    [InlineData("{\"a\":1}\n{\"b\":\n", false)]
    [InlineData("[{\"a\":1},\n", false)]
    [InlineData("{\"Records\":[\n{\"a\":1}\n", false)]
    [InlineData("{\"a\":1}\n{oops}\n", false)]
    [InlineData("\n \n", false)]
    public void EndedClean_FirstPieceEndingAtACut_TrueOnlyAtTopLevelWithNothingPending(string piece, bool clean)
    {
        var (records, _, reader) = Read(piece, new ReaderStart(1, Continued: false, SoftEnd: true));
        Assert.Equal(clean, reader.EndedClean);
        Assert.All(records, r => Assert.StartsWith("{", r, StringComparison.Ordinal));
    }

    [Fact]
    public void TryReadRaw_ContinuedPiece_LinesCountFromItsStartAndNoEmptyFileReject()
    {
        var (records, rejects, reader) = Read("\n{\"a\":1}\n42\n", new ReaderStart(41, Continued: true, SoftEnd: false));
        Assert.Equal(["42:{\"a\":1}"], records);
        Assert.Equal([43L], rejects.Select(r => r.Line));
        Assert.False(reader.EndedClean);
    }

    [Fact]
    public void TryReadRaw_ContinuedWhiteSpaceOnlyToTheEnd_NoReject()
    {
        var (records, rejects, _) = Read(" \n\n", new ReaderStart(7, Continued: true, SoftEnd: false));
        Assert.Empty(records);
        Assert.Empty(rejects);
    }

    [Fact]
    public void ExcerptedBuffer_RejectWithAnExcerpt_True()
    {
        var (_, rejects, reader) = Read("{\"a\":1}\n{\"a\":}\n{\"b\":2}\n", new ReaderStart(1, Continued: false, SoftEnd: true));
        Assert.Single(rejects);
        Assert.True(reader.ExcerptedBuffer);
        Assert.True(reader.EndedClean);
    }

    private static (List<string> Records, List<RejectRecord> Rejects, JsonRecordReader Reader) Read(string text, ReaderStart start)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var records = new List<string>();
        var rejects = new List<RejectRecord>();
        var reader = new JsonRecordReader(bytes, bytes.Length, "in.jsonl", new ReaderOptions(), rejects.Add, null, start);
        using (reader)
        {
            while (reader.TryReadRaw(out var raw, out var rawRef))
            {
                records.Add(start.Continued ? $"{rawRef.Line}:{Encoding.UTF8.GetString(raw)}" : Encoding.UTF8.GetString(raw));
            }
        }

        return (records, rejects, reader);
    }
}
