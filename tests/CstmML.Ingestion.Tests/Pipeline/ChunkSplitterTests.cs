using System.Buffers;
using System.Text;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary><see cref="ChunkSplitter"/>: pieces end after a line feed, carry their offsets and lines, and give up where a piece would not be safe.</summary>
public class ChunkSplitterTests
{
    [Fact]
    public void Next_JsonLines_PiecesEndAfterALineFeedAndRejoinToTheFile()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"{{\"n\":{i},\"pad\":\"{new string('x', i % 13)}\"}}\n")) + "{\"last\":true}";
        var pieces = Split(text, chunkBytes: 64, maxRecordBytes: 4096, out var splitter);

        Assert.False(splitter.GaveUp);
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith("\n", p.Text, StringComparison.Ordinal));
        Assert.True(pieces[^1].Last);
        Assert.All(pieces.SkipLast(1), p => Assert.False(p.Last));
        foreach (var p in pieces)
        {
            // Each piece's offset and first line are those of its first byte in the file.
            Assert.Equal(p.Text, text.Substring((int)p.Offset, p.Text.Length));
            Assert.Equal(1 + text[..(int)p.Offset].Count(c => c == '\n'), p.Line);
        }
    }

    [Fact]
    public void Next_FileEndsWithALineFeedAtABlockEnd_LastPieceIsEmpty()
    {
        var text = new string('a', 15) + "\n";
        var pieces = Split(text, chunkBytes: 16, maxRecordBytes: 4096, out _);
        Assert.Equal([text, string.Empty], pieces.Select(p => p.Text));
        Assert.True(pieces[^1].Last);
        Assert.Equal(2, pieces[^1].Line);
    }

    [Fact]
    public void Next_LineLongerThanAPiece_GrowsThePieceToItsLineFeed()
    {
        var text = "{}\n" + new string('b', 300) + "\n{}\n";
        var pieces = Split(text, chunkBytes: 16, maxRecordBytes: 4096, out var splitter);
        Assert.False(splitter.GaveUp);
        Assert.Contains(pieces, p => p.Text.Length > 300);
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
    }

    [Fact]
    public void Next_NoLineFeedWithinTheRecordLimit_GivesUpWhereThePieceStarts()
    {
        var text = "{\"a\":1}\n{\"Records\":[" + string.Join(",", Enumerable.Repeat("{\"b\":2}", 200)) + "]}\n";
        var pieces = Split(text, chunkBytes: 8, maxRecordBytes: 256, out var splitter);
        Assert.True(splitter.GaveUp);
        Assert.Equal(["{\"a\":1}\n"], pieces.Select(p => p.Text));
        Assert.Equal(8, splitter.Offset);
        Assert.Equal(2, splitter.Line);
    }

    [Fact]
    public void Next_WhiteSpaceRunBeforeAPiece_CountsTowardsTheLimit()
    {
        // 200 bytes of blank lines, then a 100-byte record: fine alone, but the reader may hold both (300 > 256).
        var text = "{}\n" + string.Concat(Enumerable.Repeat(" \n", 100)) + "{\"r\":\"" + new string('c', 91) + "\"}\n";
        var pieces = Split(text, chunkBytes: 4, maxRecordBytes: 256, out var splitter);
        Assert.True(splitter.GaveUp);
        Assert.Equal(text[..(int)splitter.Offset], string.Concat(pieces.Select(p => p.Text)));
        Assert.True(splitter.Offset > 3, "the blank lines before the record are cut into pieces of their own");
    }

    private static List<(string Text, long Offset, long Line, bool Last)> Split(string text, int chunkBytes, int maxRecordBytes, out ChunkSplitter splitter)
    {
        var pieces = new List<(string, long, long, bool)>();
        splitter = new ChunkSplitter(new MemoryStream(Encoding.UTF8.GetBytes(text)), chunkBytes, maxRecordBytes);
        using (splitter)
        {
            while (true)
            {
                var (offset, line) = (splitter.Offset, splitter.Line);
                if (splitter.Next() is not { } piece)
                {
                    break;
                }

                pieces.Add((Encoding.UTF8.GetString(piece.Bytes, 0, piece.Length), offset, line, piece.Last));
                ArrayPool<byte>.Shared.Return(piece.Bytes);
            }
        }

        return pieces;
    }
}
