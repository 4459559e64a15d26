using System.Runtime.InteropServices;

namespace CstmML.Ingestion.Json;

/// <summary>
/// A small fixed-size cache of values parsed from UTF-8 JSON, keyed by the exact bytes they were parsed from
/// (e.g. the <c>mapping</c> array of a normalized alert, which repeats for every alert of the same type).
/// Direct-mapped, so memory is bounded; values must be immutable, since hits share them. Not thread-safe.
/// </summary>
/// <typeparam name="T">The parsed value.</typeparam>
internal sealed class Utf8ValueCache<T>
    where T : class
{
    /// <summary>Longer keys are not cached.</summary>
    public const int MaxKeyBytes = 2048;

    private const int Slots = 1024;

    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly T?[] _values = new T?[Slots];

    /// <summary>The cached value of <paramref name="utf8"/>, or null.</summary>
    public T? Get(ReadOnlySpan<byte> utf8, out int slot)
    {
        slot = utf8.Length > MaxKeyBytes ? -1 : Slot(utf8);
        return slot >= 0 && _keys[slot] is { } key && utf8.SequenceEqual(key) ? _values[slot] : null;
    }

    /// <summary>Remembers <paramref name="value"/> for <paramref name="utf8"/> in the slot <see cref="Get"/> gave.</summary>
    public void Set(int slot, ReadOnlySpan<byte> utf8, T value)
    {
        if (slot >= 0)
        {
            _keys[slot] = utf8.ToArray();
            _values[slot] = value;
        }
    }

    // Length and three 8-byte words (start, middle, end), mixed; collisions only cost a miss.
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

        return (int)(h >> 54) & (Slots - 1);
    }
}
