using System.Runtime.InteropServices;

namespace CstmML.Ingestion.Json;

/// <summary>
/// A small fixed-size cache of values parsed from UTF-8 JSON, keyed by the exact bytes they were parsed from
/// (e.g. the <c>mapping</c> array of a normalized alert, which repeats for every alert of the same type; the strings of
/// <see cref="Utf8StringCache"/>). Direct-mapped (a miss replaces the slot), so memory is bounded; values must be
/// immutable, since hits share them. Not thread-safe.
/// </summary>
/// <typeparam name="T">The parsed value.</typeparam>
/// <param name="slotBits">The cache holds 2^slotBits slots.</param>
/// <param name="maxKeyBytes">Longer keys are not cached (they rarely repeat and would evict the short ones).</param>
/// <param name="inlineKeyBytes">
/// Keys up to this length are copied into storage allocated once, not into a new array per miss: values that
/// never repeat (session ARNs, access key ids) miss on every record, and the key copies were a fifth of the
/// allocations of a CloudTrail record.
/// </param>
internal sealed class Utf8ValueCache<T>(int slotBits = 10, int maxKeyBytes = 2048, int inlineKeyBytes = 0)
    where T : class
{
    private readonly byte[]?[] _keys = new byte[1 << slotBits][];
    private readonly T?[] _values = new T?[1 << slotBits];
    private readonly byte[] _inline = new byte[(1 << slotBits) * inlineKeyBytes];

    // Length of the slot's inline key; -1 when the slot's key (if any) is in _keys.
    private readonly int[] _inlineLengths = new int[1 << slotBits];

    /// <summary>The cached value of <paramref name="utf8"/>, or null (then <paramref name="slot"/> is where <see cref="Set"/> stores it; -1 when not cacheable).</summary>
    public T? Get(ReadOnlySpan<byte> utf8, out int slot)
    {
        slot = utf8.Length > maxKeyBytes ? -1 : Slot(utf8);
        if (slot < 0)
        {
            return null;
        }

        if (utf8.Length <= inlineKeyBytes)
        {
            return _inlineLengths[slot] == utf8.Length && utf8.SequenceEqual(_inline.AsSpan(slot * inlineKeyBytes, utf8.Length)) ? _values[slot] : null;
        }

        return _keys[slot] is { } key && utf8.SequenceEqual(key) ? _values[slot] : null;
    }

    /// <summary>Remembers <paramref name="value"/> for <paramref name="utf8"/> in the slot <see cref="Get"/> gave.</summary>
    public void Set(int slot, ReadOnlySpan<byte> utf8, T value)
    {
        if (slot < 0)
        {
            return;
        }

        if (utf8.Length <= inlineKeyBytes)
        {
            utf8.CopyTo(_inline.AsSpan(slot * inlineKeyBytes));
            _inlineLengths[slot] = utf8.Length;
            _keys[slot] = null;
        }
        else
        {
            _keys[slot] = utf8.ToArray();
            _inlineLengths[slot] = -1;
        }

        _values[slot] = value;
    }

    // A cheap deterministic mix of the length and three 8-byte words (start, middle, end): a byte-by-byte hash
    // cost more than the allocation it saves. Collisions only cost a miss; equality is always checked.
    private int Slot(ReadOnlySpan<byte> s)
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

        // Two shifts so that 0 slot bits gives slot 0 (a single shift by 64 would be a shift by 0).
        return (int)((h >> 32) >> (32 - slotBits));
    }
}
