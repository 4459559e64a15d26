using System.Runtime.InteropServices;

namespace CstmML.Ingestion.Json;

/// <summary>
/// A small fixed-size cache of values parsed from UTF-8 JSON, keyed by the exact bytes they were parsed from
/// (e.g. the <c>mapping</c> array of a normalized alert, which repeats for every alert of the same type; the strings of
/// <see cref="Utf8StringCache"/>). Direct-mapped (a miss replaces the slot), so memory is bounded; values must be
/// immutable, since hits share them. Not thread-safe.
/// </summary>
/// <typeparam name="T">The parsed value.</typeparam>
/// <param name="slotBits">
/// The cache grows to 2^slotBits slots. It starts at 2^8 (or fewer) and doubles once it has missed more than twice its slots
/// and more often than it hit: a short-lived reader (the host makes one per request) stays small, and no large object is
/// allocated per request, while a long run reaches the full size after a few thousand records.
/// </param>
/// <param name="maxKeyBytes">Longer keys are not cached (they rarely repeat and would evict the short ones).</param>
/// <param name="inlineKeyBytes">
/// Keys up to this length are copied into storage allocated once, not into a new array per miss: values that
/// never repeat (session ARNs, access key ids) miss on every record, and the key copies were a fifth of the
/// allocations of a CloudTrail record.
/// </param>
internal sealed class Utf8ValueCache<T>(int slotBits = 10, int maxKeyBytes = 2048, int inlineKeyBytes = 0)
    where T : class
{
    private const int StartBits = 8;

    private int _bits = Math.Min(slotBits, StartBits);
    private long _misses;
    private long _hits;
    private byte[]?[] _keys = [];
    private T?[] _values = [];
    private byte[] _inline = [];

    // Length of the slot's inline key; -1 when the slot's key (if any) is in _keys.
    private int[] _inlineLengths = [];

    /// <summary>Slots the cache has now (0 before its first use).</summary>
    public int Slots => _values.Length;

    /// <summary>The cached value of <paramref name="utf8"/>, or null (then <paramref name="slot"/> is where <see cref="Set"/> stores it; -1 when not cacheable).</summary>
    public T? Get(ReadOnlySpan<byte> utf8, out int slot)
    {
        if (utf8.Length > maxKeyBytes)
        {
            slot = -1;
            return null;
        }

        if (_values.Length == 0 || (_misses > (2L << _bits) && _misses > _hits && _bits < slotBits))
        {
            Resize();
        }

        slot = Slot(utf8);
        if (utf8.Length <= inlineKeyBytes)
        {
            if (_inlineLengths[slot] == utf8.Length && utf8.SequenceEqual(_inline.AsSpan(slot * inlineKeyBytes, utf8.Length)))
            {
                _hits++;
                return _values[slot];
            }

            _misses++;
            return null;
        }

        if (_keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            _hits++;
            return _values[slot];
        }

        _misses++;
        return null;
    }

    // First use: the starting size. Later: twice the slots, empty (it is a cache; the values are made again on a miss).
    private void Resize()
    {
        if (_values.Length > 0)
        {
            _bits++;
        }

        _misses = _hits = 0;
        _keys = new byte[1 << _bits][];
        _values = new T?[1 << _bits];
        _inline = new byte[(1 << _bits) * inlineKeyBytes];
        _inlineLengths = new int[1 << _bits];
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
        return (int)((h >> 32) >> (32 - _bits));
    }
}
