using System.Security.Cryptography;

namespace CstmML.Host.Models;

/// <summary>A cheap fingerprint of a model folder (names, sizes, write times) to notice a newly published model.</summary>
internal static class ModelFingerprint
{
    public static string Of(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return string.Empty;
        }

        var parts = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f))
            .Select(f => $"{Path.GetRelativePath(directory, f.FullName)}|{f.Length}|{f.LastWriteTimeUtc.Ticks}");
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', parts))));
    }
}
