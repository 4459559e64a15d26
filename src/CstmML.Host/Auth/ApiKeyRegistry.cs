using System.Security.Cryptography;
using CstmML.Host.Configuration;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Auth;

/// <summary>The configured keys (options plus the keys file), matched by hash in constant time.</summary>
internal sealed class ApiKeyRegistry
{
    private readonly (string Tenant, byte[] Hash)[] _keys;

    public ApiKeyRegistry(IOptions<ScoringHostOptions> options)
    {
        var o = options.Value;
        var records = o.ApiKeys.Select(k => new ApiKeyRecord(k.Tenant, k.Sha256.ToLowerInvariant())).ToList();
        if (!string.IsNullOrWhiteSpace(o.ApiKeysFile))
        {
            records.AddRange(ApiKeyFile.Read(o.ApiKeysFile));
        }

        _keys = [.. records.Select(r => (r.Tenant, Convert.FromHexString(r.Sha256)))];
    }

    /// <summary>How many keys are known.</summary>
    public int Count => _keys.Length;

    /// <summary>The tenant of <paramref name="key"/> and a short key id (hash prefix, safe to log), or false.</summary>
    public bool TryMatch(string key, out string tenant, out string keyId)
    {
        var hash = Convert.FromHexString(ApiKeyHash.Of(key));
        tenant = string.Empty;
        keyId = string.Empty;
        var found = false;

        // Every entry is compared (no early exit) so timing does not reveal which or how many keys match.
        foreach (var (t, h) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, h) && !found)
            {
                found = true;
                tenant = t;
                keyId = Convert.ToHexStringLower(h.AsSpan(0, 6));
            }
        }

        return found;
    }
}
