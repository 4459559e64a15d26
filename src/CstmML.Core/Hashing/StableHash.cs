using System.Runtime.CompilerServices;
using System.Text;

namespace CstmML.Core.Hashing;

/// <summary>
/// FNV-1a hashes that are the same in every process and on every machine (unlike <c>string.GetHashCode()</c>).
/// Feature hashing and content ids depend on this staying fixed: changing it changes every model's inputs.
/// </summary>
public static class StableHash
{
    private const uint Offset32 = 2166136261;
    private const uint Prime32 = 16777619;
    private const ulong Offset64 = 14695981039346656037;
    private const ulong Prime64 = 1099511628211;

    /// <summary>32-bit FNV-1a over the UTF-16 code units of <paramref name="text"/>, mixed with <paramref name="seed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Fnv1a32(ReadOnlySpan<char> text, uint seed = 0)
    {
        var h = Offset32 ^ seed;
        foreach (var c in text)
        {
            h = (h ^ (byte)c) * Prime32;
            h = (h ^ (byte)(c >> 8)) * Prime32;
        }

        return h;
    }

    /// <summary>Continues a 32-bit FNV-1a hash with another 32-bit value (for n-grams of ids).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Combine(uint h, uint value)
    {
        h = (h ^ (value & 0xFF)) * Prime32;
        h = (h ^ ((value >> 8) & 0xFF)) * Prime32;
        h = (h ^ ((value >> 16) & 0xFF)) * Prime32;
        h = (h ^ (value >> 24)) * Prime32;
        return h;
    }

    /// <summary>64-bit FNV-1a over bytes.</summary>
    public static ulong Fnv1a64(ReadOnlySpan<byte> bytes)
    {
        var h = Offset64;
        foreach (var b in bytes)
        {
            h = (h ^ b) * Prime64;
        }

        return h;
    }

    /// <summary>64-bit FNV-1a over the UTF-8 bytes of a string.</summary>
    public static ulong Fnv1a64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var n = Encoding.UTF8.GetBytes(text, buffer);
        return Fnv1a64(buffer[..n]);
    }
}
