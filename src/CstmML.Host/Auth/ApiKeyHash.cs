using System.Security.Cryptography;
using System.Text;

namespace CstmML.Host.Auth;

/// <summary>API key hashing and generation: keys are stored only as SHA-256 hex and compared in constant time.</summary>
public static class ApiKeyHash
{
    /// <summary>Prefix of generated keys, so leaked keys are recognisable by secret scanners.</summary>
    public const string KeyPrefix = "cstm_";

    /// <summary>The lowercase SHA-256 hex of <paramref name="key"/> (UTF-8).</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A fresh random key (256 bits). Deliberately unseeded: keys must be unpredictable.</summary>
    public static string NewKey() => KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when <paramref name="value"/> is 64 hex digits.</summary>
    public static bool IsHex(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
