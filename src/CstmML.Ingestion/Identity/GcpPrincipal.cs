using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Identity;

/// <summary>
/// One stable principal string per Google Cloud identity, in IAM member syntax (the form SCC's
/// <c>access.principalSubject</c> already uses): <c>serviceAccount:&lt;email&gt;</c> for any
/// <c>*.gserviceaccount.com</c> address, <c>user:&lt;email&gt;</c> for other e-mail addresses (both lower case: Google
/// e-mail addresses are case-insensitive), and federated subjects (<c>principal://</c>, <c>principalSet://</c>) kept
/// verbatim because their subject part is case-sensitive.
/// </summary>
internal static class GcpPrincipal
{
    /// <summary>The principal of a finding that names no identity at all.</summary>
    public const string Unknown = "gcp:unknown";

    private const string UserPrefix = "user:";
    private const string ServiceAccountPrefix = "serviceAccount:";
    private const string GroupPrefix = "group:";
    private const string FederatedPrefix = "principal://";
    private const string FederatedSetPrefix = "principalSet://";
    private const string ServiceAccountDomain = ".gserviceaccount.com";

    /// <summary>The member string of an e-mail address (<c>access.principalEmail</c>), or null when blank or not an address.</summary>
    public static string? FromEmail(string? email)
    {
        var s = email?.Trim();
        var at = s?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (s is null || at <= 0 || at == s.Length - 1 || s.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        s = s.ToLowerInvariant();
        return (IsServiceAccountEmail(s) ? ServiceAccountPrefix : UserPrefix) + s;
    }

    /// <summary>
    /// The member string of <c>access.principalSubject</c>: <c>user:</c>/<c>serviceAccount:</c>/<c>group:</c> subjects
    /// are re-derived from their e-mail (so a mislabelled service account still lands on one string); federated subjects
    /// are kept as given; a bare e-mail is treated as <see cref="FromEmail"/>.
    /// </summary>
    public static string? FromSubject(string? subject)
    {
        var s = subject?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        if (s.StartsWith(FederatedPrefix, StringComparison.Ordinal) || s.StartsWith(FederatedSetPrefix, StringComparison.Ordinal))
        {
            return s;
        }

        if (s.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return FromEmail(s[UserPrefix.Length..]);
        }

        if (s.StartsWith(ServiceAccountPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return FromEmail(s[ServiceAccountPrefix.Length..]);
        }

        if (s.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return GroupPrefix + s[GroupPrefix.Length..].ToLowerInvariant();
        }

        return FromEmail(s) ?? s;
    }

    /// <summary>The principal type implied by a member string.</summary>
    public static string TypeOf(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal) ? PrincipalTypes.ServiceAccount
            : principal.StartsWith(UserPrefix, StringComparison.Ordinal) ? PrincipalTypes.User
            : principal.StartsWith(FederatedPrefix, StringComparison.Ordinal) || principal.StartsWith(FederatedSetPrefix, StringComparison.Ordinal)
                ? PrincipalTypes.Federated
            : PrincipalTypes.Unknown;
    }

    /// <summary>True for Google-managed and user-managed service account addresses (all end in <c>gserviceaccount.com</c>).</summary>
    public static bool IsServiceAccountEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.EndsWith(ServiceAccountDomain, StringComparison.OrdinalIgnoreCase) ||
               email.EndsWith("@gserviceaccount.com", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The segment after <c>projects/</c> in a resource name such as
    /// <c>//compute.googleapis.com/projects/prod-1/zones/...</c> or <c>projects/123/sources/4/findings/x</c>.
    /// </summary>
    public static string? ProjectOf(string? resourceName) => SegmentAfter(resourceName, "projects");

    /// <summary>The segment after <c>organizations/</c>.</summary>
    public static string? OrganizationOf(string? resourceName) => SegmentAfter(resourceName, "organizations");

    private static string? SegmentAfter(string? path, string name)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i].Equals(name, StringComparison.Ordinal))
            {
                return parts[i + 1];
            }
        }

        return null;
    }
}
