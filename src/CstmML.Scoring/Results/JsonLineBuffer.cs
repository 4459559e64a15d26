using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CstmML.Scoring.Results;

/// <summary>
/// A growable UTF-8 buffer with the value writers <see cref="ScoringResultJsonWriter"/> needs, each giving the bytes
/// <see cref="Utf8JsonWriter"/> (default options) gives for the same value: strings escaped by the writer's own rules
/// (ASCII from a table made by the writer itself, anything else through the writer), doubles in shortest round-trip
/// form, dates in the writer's trimmed ISO 8601 form. One per thread; not thread-safe.
/// </summary>
internal sealed class JsonLineBuffer
{
    // Buffers that grew past this for one huge result are not kept for the next one.
    private const int KeepLimit = 1 << 20;

    // The characters the writer leaves as they are (printable ASCII minus the ones its default escaping rewrites).
    private static readonly SearchValues<char> Plain = SearchValues.Create(PlainChars());

    // For each ASCII character, its escaped form when the writer escapes it, else null.
    private static readonly byte[]?[] AsciiEscapes = BuildAsciiEscapes();

    private byte[] _bytes;
    private int _length;
    private ArrayBufferWriter<byte>? _fallbackBuffer;
    private Utf8JsonWriter? _fallbackWriter;

    public JsonLineBuffer(int capacity) => _bytes = new byte[capacity];

    /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    public int Capacity => _bytes.Length;

    public void Clear()
    {
        if (_bytes.Length > KeepLimit)
        {
            _bytes = new byte[KeepLimit];
        }

        _length = 0;
    }

    public void Byte(byte value)
    {
        if (_length == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[_length++] = value;
    }

    public void Raw(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_bytes.AsSpan(_length));
        _length += value.Length;
    }

    public void Bool(bool value) => Raw(value ? "true"u8 : "false"u8);

    public void Null() => Raw("null"u8);

    public void Number(int value)
    {
        Ensure(11);
        value.TryFormat(_bytes.AsSpan(_length), out var n, default, CultureInfo.InvariantCulture);
        _length += n;
    }

    /// <summary>Shortest round-trip form, as the writer; NaN and infinities are refused as the writer refuses them.</summary>
    public void Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($".NaN, Infinity and -Infinity are not valid JSON numbers (got {value.ToString(CultureInfo.InvariantCulture)}).", nameof(value));
        }

        Ensure(32);
        value.TryFormat(_bytes.AsSpan(_length), out var n, default, CultureInfo.InvariantCulture);
        _length += n;
    }

    /// <summary>The writer's form: ISO 8601 round-trip ("O") with the fraction's trailing zeros (and an all-zero fraction) cut.</summary>
    public void Date(DateTimeOffset value)
    {
        Ensure(36);
        _bytes[_length++] = (byte)'"';
        var span = _bytes.AsSpan(_length);
        value.TryFormat(span, out var n, "O", CultureInfo.InvariantCulture);

        // "yyyy-MM-ddTHH:mm:ss.fffffff+HH:MM": the fraction is the 7 digits after index 19.
        const int Dot = 19;
        var end = Dot + 7;
        while (end > Dot && span[end] == (byte)'0')
        {
            end--;
        }

        if (end == Dot)
        {
            end--; // all zero: the dot goes too
        }

        var cut = Dot + 7 - end;
        if (cut > 0)
        {
            span[(Dot + 8)..n].CopyTo(span[(end + 1)..]);
            n -= cut;
        }

        _length += n;
        _bytes[_length++] = (byte)'"';
    }

    /// <summary>A JSON string (quoted and escaped), or <c>null</c>.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var chars = value.AsSpan();
        var plain = chars.IndexOfAnyExcept(Plain);
        if (plain < 0)
        {
            Ensure(chars.Length + 2);
            _bytes[_length++] = (byte)'"';
            Ascii.FromUtf16(chars, _bytes.AsSpan(_length), out var n);
            _length += n;
            _bytes[_length++] = (byte)'"';
            return;
        }

        if (chars[plain..].ContainsAnyExceptInRange('\0', '\u007f'))
        {
            Fallback(value);
            return;
        }

        // ASCII with something to escape: plain runs converted at once, each other character from the table.
        Ensure((chars.Length * 6) + 2);
        var dest = _bytes.AsSpan(_length);
        dest[0] = (byte)'"';
        var w = 1;
        while (true)
        {
            Ascii.FromUtf16(chars[..plain], dest[w..], out var run);
            w += run;
            if (plain == chars.Length)
            {
                break;
            }

            var escaped = AsciiEscapes[chars[plain]]!;
            escaped.CopyTo(dest[w..]);
            w += escaped.Length;
            chars = chars[(plain + 1)..];
            plain = chars.IndexOfAnyExcept(Plain);
            if (plain < 0)
            {
                plain = chars.Length;
            }
        }

        dest[w++] = (byte)'"';
        _length += w;
    }

    /// <summary>Writes a value through the contract serializer's own writer: the rare cases (non-ASCII strings, unnamed enum values).</summary>
    public void Through(Action<Utf8JsonWriter> write)
    {
        var buffer = _fallbackBuffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = _fallbackWriter ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        write(writer);
        writer.Flush();
        Raw(buffer.WrittenSpan);
    }

    public byte[] ToArray() => Written.ToArray();

    private void Fallback(string value) => Through(w => w.WriteStringValue(value));

    private void Ensure(int count)
    {
        if (_bytes.Length - _length < count)
        {
            Grow(count);
        }
    }

    private void Grow(int count)
    {
        var size = Math.Max(_bytes.Length * 2, _length + count);
        Array.Resize(ref _bytes, size);
    }

    private static byte[]?[] BuildAsciiEscapes()
    {
        var table = new byte[]?[128];
        var buffer = new ArrayBufferWriter<byte>(16);
        using var writer = new Utf8JsonWriter(buffer);
        for (var c = 0; c < 128; c++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStringValue(((char)c).ToString());
            writer.Flush();
            var inner = buffer.WrittenSpan[1..^1];
            if (inner.Length != 1 || inner[0] != c)
            {
                table[c] = inner.ToArray();
            }
        }

        return table;
    }

    private static string PlainChars()
    {
        var escapes = BuildAsciiEscapes();
        var plain = new StringBuilder();
        for (var c = 0; c < 128; c++)
        {
            if (escapes[c] is null)
            {
                plain.Append((char)c);
            }
        }

        return plain.ToString();
    }
}
