namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Counts the bytes a gzip stream yields and, at its end, compares them with the trailer's ISIZE: .NET's GZipStream
/// ends silently on a truncated file, and a cut at a line boundary would otherwise lose records without a trace.
/// </summary>
internal sealed class GzipCheckedStream(Stream inner, uint? expectedSizeMod32) : Stream
{
    private long _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _total += n;
        if (n == 0 && buffer.Length > 0 && (expectedSizeMod32 is not { } expected || (uint)_total != expected))
        {
            throw new InvalidDataException(
                $"truncated or corrupt .gz: decompressed {_total} bytes but the gzip trailer does not match (file cut short?)");
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
