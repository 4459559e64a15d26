using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CstmML.Core.Serialization;

/// <summary>
/// Writes one JSON value per line (JSON Lines) to a stream through one reused <see cref="Utf8JsonWriter"/>; the
/// stream should be buffered. Not thread-safe.
/// </summary>
public sealed class JsonLinesWriter : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _writer;

    public JsonLinesWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        // Relaxed escaping keeps ARNs and user agents readable ('+', '<', '&' unescaped); the output is never HTML.
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions
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
        JsonSerializer.Serialize(_writer, value, typeInfo);
        _writer.Flush();
        _stream.Write(NewLine);
        _writer.Reset();
        Count++;
    }

    /// <summary>Flushes the underlying stream.</summary>
    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
