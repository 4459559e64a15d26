using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CstmML.Ingestion.Pipeline;

/// <summary>Opens an input file as a stream of UTF-8 bytes: gzip is detected by its magic bytes, UTF-16 is transcoded.</summary>
internal static class InputStreams
{
    private const int FileBuffer = 64 * 1024;

    /// <summary>Opens <paramref name="path"/>; gzip (by magic bytes, whatever the extension) is decompressed.</summary>
    public static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBuffer, FileOptions.SequentialScan);
        try
        {
            return Open(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Opens a file's content (seekable: a file, or its bytes in memory) as <see cref="Open(string)"/> does; takes ownership.</summary>
    public static Stream Open(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<byte> head = stackalloc byte[2];
        var n = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (n == 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            // The gzip trailer's ISIZE (length mod 2^32) lets us notice truncation, which GZipStream does not report.
            uint? expected = null;
            if (file.Length >= 18)
            {
                Span<byte> tail = stackalloc byte[4];
                file.Position = file.Length - 4;
                file.ReadExactly(tail);
                file.Position = 0;
                expected = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            }

            return WithEncoding(new GzipCheckedStream(new GZipStream(file, CompressionMode.Decompress), expected));
        }

        return WithEncoding(file);
    }

    /// <summary>Transcodes UTF-16 input (recognized by its byte order mark) to UTF-8; other input passes through.</summary>
    public static Stream WithEncoding(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[2];
        var n = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        if (n == 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            var encoding = head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8, leaveOpen: false);
        }

        return new ReplayStream(head.AsMemory(0, n), stream);
    }
}
