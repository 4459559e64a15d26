using System.Text;
using System.Text.Json;

namespace CstmML.Ingestion.Json;

/// <summary>
/// A small fixed-size cache of strings keyed by their UTF-8 bytes, for values that repeat across records (event
/// names, sources, regions, account ids, role ARNs, user agents): a hit returns the same string instance instead
/// of allocating a new one. Direct-mapped (a miss replaces the slot), so memory is bounded. Not thread-safe: one
/// per reading thread.
/// </summary>
internal sealed class Utf8StringCache
{
    /// <summary>Longer values are not cached (they rarely repeat and would evict the short ones).</summary>
    public const int MaxCachedBytes = 256;

    /// <summary>Keys up to this length are kept in storage allocated once (4,096 x 128 B = 512 KiB): ARNs, ids, user agents.</summary>
    public const int InlineKeyBytes = 128;

    private readonly Utf8ValueCache<string> _cache = new(slotBits: 12, maxKeyBytes: MaxCachedBytes, inlineKeyBytes: InlineKeyBytes);

    /// <summary>The string of the current string token of <paramref name="reader"/> (unescaped).</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        return Get(reader.ValueSpan);
    }

    /// <summary>
    /// The string of <paramref name="ascii"/>, bytes the caller has checked are all below 0x80: on a miss it is only
    /// widened, with no UTF-8 validation (the same string <see cref="Get(ReadOnlySpan{byte})"/> gives).
    /// </summary>
    public string GetAscii(ReadOnlySpan<byte> ascii)
    {
        if (_cache.Get(ascii, out var slot) is { } hit)
        {
            return hit;
        }

        var value = Encoding.Latin1.GetString(ascii);
        _cache.Set(slot, ascii, value);
        return value;
    }

    /// <summary>The string of valid UTF-8 <paramref name="utf8"/>.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (_cache.Get(utf8, out var slot) is { } hit)
        {
            return hit;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _cache.Set(slot, utf8, value);
        return value;
    }
}
