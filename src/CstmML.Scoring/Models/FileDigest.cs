using System.Security.Cryptography;

namespace CstmML.Scoring.Models;

/// <summary>SHA-256 as lower-case hex: the manifest's file digests.</summary>
public static class FileDigest
{
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
