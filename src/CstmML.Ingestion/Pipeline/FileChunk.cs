using System.Buffers;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// A piece of a large, plain JSON file that the reading thread cut at a line feed (<see cref="ChunkSplitter"/>): a
/// worker reads its records with a <see cref="JsonRecordReader"/> started where the piece starts, exactly as the
/// whole-file reader would read them, provided the reader stood at a clean point there (the consumer checks).
/// </summary>
internal sealed class FileChunk
{
    public FileChunk(ChunkedFile file, byte[] bytes, int length, long offset, long line, bool last, ReaderOptions reader)
    {
        File = file;
        Bytes = bytes;
        Length = length;
        Offset = offset;
        Line = line;
        Last = last;
        Reader = reader;
    }

    /// <summary>The file it belongs to.</summary>
    public ChunkedFile File { get; }

    /// <summary>Its bytes (a pooled array, <see cref="Length"/> used); null once the worker has read it.</summary>
    public byte[]? Bytes { get; private set; }

    /// <summary>Bytes used in <see cref="Bytes"/>.</summary>
    public int Length { get; }

    /// <summary>Where it starts in the file.</summary>
    public long Offset { get; }

    /// <summary>The 1-based line of its first byte.</summary>
    public long Line { get; }

    /// <summary>It starts the file (the reader checks the BOM and reports an empty file).</summary>
    public bool First => Offset == 0;

    /// <summary>It ends the file (read to the end as the whole-file reader would; no cut to check).</summary>
    public bool Last { get; }

    /// <summary>The reader limits of the run.</summary>
    public ReaderOptions Reader { get; }

    /// <summary>How a reader starts on this piece.</summary>
    public ReaderStart Start => new(Line, Continued: !First, SoftEnd: !Last);

    /// <summary>Returns the bytes to the pool (the worker, once read).</summary>
    public void Release()
    {
        if (Bytes is { } bytes)
        {
            Bytes = null;
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
