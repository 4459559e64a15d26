using System.Security.Cryptography;
using System.Text;

namespace CstmML.Scoring.Exports;

/// <summary>Name-based UUIDs, version 5 (RFC 9562 §5.5): the same namespace and name always give the same id.</summary>
internal static class Uuid5
{
    /// <summary>UUIDv5 of the UTF-8 bytes of <paramref name="name"/> in <paramref name="ns"/>.</summary>
    public static Guid Create(Guid ns, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        ns.TryWriteBytes(buffer.AsSpan(0, 16), bigEndian: true, out _);
        nameBytes.CopyTo(buffer, 16);

        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 defines v5 over SHA-1; it names objects, it protects nothing.
        SHA1.HashData(buffer, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
