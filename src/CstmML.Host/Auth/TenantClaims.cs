using System.Security.Claims;

namespace CstmML.Host.Auth;

/// <summary>Claim names set by the API key handler, and accessors.</summary>
internal static class TenantClaims
{
    public const string Tenant = "cstm:tenant";
    public const string KeyId = "cstm:key_id";

    /// <summary>The authenticated tenant (endpoints requiring auth only run with one).</summary>
    public static string TenantOf(ClaimsPrincipal user) =>
        user.FindFirst(Tenant)?.Value ?? throw new InvalidOperationException("No tenant claim on an authorized request.");

    /// <summary>The key id, or null for anonymous requests.</summary>
    public static string? KeyIdOf(ClaimsPrincipal user) => user.FindFirst(KeyId)?.Value;
}
