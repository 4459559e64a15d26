using System.Buffers;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Cuts a plain (uncompressed UTF-8) JSON file into pieces of about <c>chunkBytes</c> that end just after a line feed
/// (one vectorized search per piece, one vectorized line-feed count for the next piece's line number), reading it
/// once, front to back. Gives up (<see cref="Next"/> returns null before the end) when a piece cannot be cut safely: no
/// line feed within the record limit (a one-line export is then streamed, never held whole), or a piece whose records
/// the whole-file reader might treat differently.
/// </summary>
/// <remarks>
/// Why a piece is "safe": the whole-file reader keeps, in a buffer of at most <c>MaxRecordBytes + BufferBytes</c>
/// bytes, the white space before a record and the record itself; when both fit in <c>MaxRecordBytes</c> it always
/// accepts the record, wherever its buffer happens to start. A piece no longer than <c>MaxRecordBytes</c> minus the
/// white space just before it holds only such records, so the piece's own reader (whose buffer starts at the piece)
/// accepts and rejects exactly the same ones.
/// </remarks>
internal sealed class ChunkSplitter : IDisposable
{
    private readonly Stream _stream;
    private readonly int _chunkBytes;
    private readonly int _maxRecordBytes;
    private byte[] _carry = [];
    private int _carryLength;
    private long _whiteRun;
    private bool _done;

    /// <param name="stream">The file, at its start (owned).</param>
    /// <param name="chunkBytes">The target piece size.</param>
    /// <param name="maxRecordBytes">The reader's record limit.</param>
    public ChunkSplitter(Stream stream, int chunkBytes, int maxRecordBytes)
    {
        _stream = stream;
        _chunkBytes = chunkBytes;
        _maxRecordBytes = maxRecordBytes;
    }

    /// <summary>Where the next piece starts in the file (after a null from <see cref="Next"/>: where to stream from).</summary>
    public long Offset { get; private set; }

    /// <summary>The 1-based line at <see cref="Offset"/>.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>True when <see cref="Next"/> gave up before the end: the caller reads on from <see cref="Offset"/>, streaming.</summary>
    public bool GaveUp { get; private set; }

    /// <summary>The next piece (its bytes a pooled array), or null at the end or when giving up (<see cref="GaveUp"/>).</summary>
    public (byte[] Bytes, int Length, bool Last)? Next()
    {
        if (_done)
        {
            return null;
        }

        // The longest safe piece (see remarks); the search for a line feed never buffers more.
        var limit = _maxRecordBytes - _whiteRun;
        var size = _carryLength < _chunkBytes / 2 ? _chunkBytes : _carryLength + _chunkBytes;
        var buf = ArrayPool<byte>.Shared.Rent(size);
        _carry.AsSpan(0, _carryLength).CopyTo(buf);
        var have = _carryLength;
        var searched = _carryLength; // the carry holds no line feed
        int cut;
        try
        {
            while (true)
            {
                have += _stream.ReadAtLeast(buf.AsSpan(have, size - have), size - have, throwOnEndOfStream: false);
                if (have < size)
                {
                    cut = have;
                    break;
                }

                var lf = buf.AsSpan(searched, have - searched).LastIndexOf((byte)'\n');
                if (lf >= 0)
                {
                    cut = searched + lf + 1;
                    break;
                }

                if (size >= limit)
                {
                    return GiveUp(buf);
                }

                searched = have;
                size = (int)Math.Min(limit, (long)size * 2);
                var bigger = ArrayPool<byte>.Shared.Rent(size);
                buf.AsSpan(0, have).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buf);
                buf = bigger;
            }
        }
        catch (IOException)
        {
            // The streaming reader reports read errors as rejects, where they happen.
            return GiveUp(buf);
        }

        if (cut > limit)
        {
            return GiveUp(buf);
        }

        var last = cut == have && have < size;
        Advance(buf, cut, have);
        _done = last;
        return (buf, cut, last);
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_carry.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_carry);
            _carry = [];
        }
    }

    private (byte[], int, bool)? GiveUp(byte[] buf)
    {
        ArrayPool<byte>.Shared.Return(buf);
        GaveUp = true;
        _done = true;
        return null;
    }

    // Moves past the piece [0, cut) of buf: the rest (up to have) is carried into the next piece.
    private void Advance(byte[] buf, int cut, int have)
    {
        var piece = buf.AsSpan(0, cut);
        var lastSolid = piece.LastIndexOfAnyExcept(" \t\r\n"u8);
        _whiteRun = lastSolid < 0 ? _whiteRun + cut : cut - 1 - lastSolid;
        Line += piece.Count((byte)'\n');
        Offset += cut;
        var rest = have - cut;
        if (_carry.Length < rest)
        {
            if (_carry.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_carry);
            }

            _carry = ArrayPool<byte>.Shared.Rent(rest);
        }

        buf.AsSpan(cut, rest).CopyTo(_carry);
        _carryLength = rest;
    }
}
