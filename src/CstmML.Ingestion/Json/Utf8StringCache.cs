using System.Runtime.InteropServices;
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

    private const int Slots = 4096;

    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly string?[] _values = new string?[Slots];

    /// <summary>The string of the current string token of <paramref name="reader"/> (unescaped).</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        return Get(reader.ValueSpan);
    }

    /// <summary>The string of valid UTF-8 <paramref name="utf8"/>.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slot = Slot(utf8);
        if (_keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            return _values[slot]!;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
    }

    // A cheap deterministic mix of the length and three 8-byte words (start, middle, end): a byte-by-byte hash
    // cost more than the allocation it saves. Collisions only cost a miss; equality is always checked.
    private static int Slot(ReadOnlySpan<byte> s)
    {
        const ulong K = 0x9E3779B97F4A7C15;
        var h = (ulong)s.Length * K;
        if (s.Length >= 8)
        {
            h = (h ^ MemoryMarshal.Read<ulong>(s)) * K;
            h = (h ^ MemoryMarshal.Read<ulong>(s[((s.Length / 2) - 4)..])) * K;
            h = (h ^ MemoryMarshal.Read<ulong>(s[^8..])) * K;
        }
        else
        {
            foreach (var b in s)
            {
                h = (h ^ b) * K;
            }
        }

        return (int)(h >> 52) & (Slots - 1);
    }
}
