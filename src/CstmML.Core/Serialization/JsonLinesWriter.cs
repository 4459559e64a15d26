using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CstmML.Core.Alerts;

namespace CstmML.Core.Serialization;

/// <summary>
/// Writes one JSON value per line (JSON Lines) to a stream through one reused <see cref="Utf8JsonWriter"/>. Lines are
/// gathered in an in-memory buffer and written to the stream in blocks of about <see cref="BlockSize"/> bytes: writing
/// each line to a <see cref="FileStream"/> cost several write system calls per line. Not thread-safe.
/// </summary>
public sealed class JsonLinesWriter : IDisposable
{
    /// <summary>Bytes gathered before they are written to the stream.</summary>
    public const int BlockSize = 256 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(BlockSize + (BlockSize / 4));
    private readonly Utf8JsonWriter _writer;

    public JsonLinesWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        // Relaxed escaping keeps ARNs and user agents readable ('+', '<', '&' unescaped); the output is never HTML.
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        });
    }

    /// <summary>Lines written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Writes <paramref name="value"/> and a line feed.</summary>
    public void Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        // The alert contract has a hand-written twin with byte-identical output (it is most of `cstm map`'s writing).
        if (value is NormalizedAlert alert && ReferenceEquals(typeInfo, CstmJsonContext.Default.NormalizedAlert))
        {
            NormalizedAlertWriter.Write(_writer, alert);
        }
        else
        {
            JsonSerializer.Serialize(_writer, value, typeInfo);
        }

        _writer.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        _writer.Reset();
        Count++;
        if (_buffer.WrittenCount >= BlockSize)
        {
            WriteBlock();
        }
    }

    /// <summary>Writes the gathered lines and flushes the underlying stream.</summary>
    public void Flush()
    {
        WriteBlock();
        _stream.Flush();
    }

    private void WriteBlock()
    {
        if (_buffer.WrittenCount > 0)
        {
            _stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    public void Dispose()
    {
        WriteBlock();
        _writer.Dispose();
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
