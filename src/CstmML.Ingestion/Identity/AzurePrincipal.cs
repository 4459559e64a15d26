using System.Globalization;
using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Identity;

/// <summary>
/// One stable principal string per Azure / Entra ID identity. Preference order (first present wins): the Entra object
/// id (<c>azure:oid:&lt;guid&gt;</c>, because UPNs can be renamed while the object id never changes), the UPN
/// (<c>azure:upn:&lt;lower-case upn&gt;</c>), an application (client) id of a service principal
/// (<c>azure:app:&lt;guid&gt;</c>), a managed identity's resource id (<c>azure:mi:&lt;lower-case id&gt;</c>), and last the
/// alert's compromised entity (<c>azure:entity:&lt;lower-case name&gt;</c>). GUIDs are lower case without braces.
/// </summary>
internal static class AzurePrincipal
{
    /// <summary>The principal of an alert that names no identity at all.</summary>
    public const string Unknown = "azure:unknown";

    private const string OidPrefix = "azure:oid:";
    private const string UpnPrefix = "azure:upn:";
    private const string AppPrefix = "azure:app:";
    private const string ManagedIdentityPrefix = "azure:mi:";
    private const string EntityPrefix = "azure:entity:";

    /// <summary><c>azure:oid:&lt;guid&gt;</c>, or null when <paramref name="objectId"/> is not a GUID.</summary>
    public static string? FromObjectId(string? objectId) => TryGuid(objectId, out var g) ? OidPrefix + g : null;

    /// <summary><c>azure:upn:&lt;upn&gt;</c> lower case (Entra sign-in names are case-insensitive), or null when blank or not name@domain.</summary>
    public static string? FromUpn(string? upn)
    {
        var s = upn?.Trim();
        var at = s?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return s is not null && at > 0 && at < s.Length - 1 && !s.Contains(' ', StringComparison.Ordinal)
            ? UpnPrefix + s.ToLowerInvariant()
            : null;
    }

    /// <summary>A UPN from the account entity's <c>Name</c> and <c>UPNSuffix</c>, or null when either is missing.</summary>
    public static string? FromNameAndSuffix(string? name, string? upnSuffix) =>
        string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(upnSuffix) ? null
        : name.Contains('@', StringComparison.Ordinal) ? FromUpn(name)
        : FromUpn(string.Concat(name.Trim(), "@", upnSuffix.Trim()));

    /// <summary><c>azure:app:&lt;guid&gt;</c> for a service principal's application (client) id, or null when not a GUID.</summary>
    public static string? FromApplicationId(string? appId) => TryGuid(appId, out var g) ? AppPrefix + g : null;

    /// <summary><c>azure:mi:&lt;resource id&gt;</c> lower case (ARM ids are case-insensitive), or null when not an ARM id.</summary>
    public static string? FromManagedIdentityResourceId(string? resourceId)
    {
        var s = resourceId?.Trim();
        return s is { Length: > 1 } && s.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
            ? ManagedIdentityPrefix + s.TrimEnd('/').ToLowerInvariant()
            : null;
    }

    /// <summary><c>azure:entity:&lt;name&gt;</c> lower case, the last resort (a host or subscription display name), or null when blank.</summary>
    public static string? FromEntity(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
        : FromUpn(name) ?? (TryGuid(name, out var g) ? OidPrefix + g : EntityPrefix + name.Trim().ToLowerInvariant());

    /// <summary>The principal type implied by a canonical principal string.</summary>
    public static string TypeOf(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.StartsWith(UpnPrefix, StringComparison.Ordinal) ? PrincipalTypes.User
            : principal.StartsWith(AppPrefix, StringComparison.Ordinal) ? PrincipalTypes.Application
            : principal.StartsWith(ManagedIdentityPrefix, StringComparison.Ordinal) ? PrincipalTypes.Service
            : PrincipalTypes.Unknown;
    }

    /// <summary>The subscription id (lower-case GUID) of an ARM resource id such as <c>/subscriptions/&lt;id&gt;/resourceGroups/...</c>.</summary>
    public static string? SubscriptionOf(string? resourceId) =>
        SegmentAfter(resourceId, "subscriptions") is { } s && TryGuid(s, out var g) ? g : null;

    /// <summary>The resource provider namespace of an ARM resource id (<c>Microsoft.Compute</c>), or null when it has none.</summary>
    public static string? ProviderOf(string? resourceId) => SegmentAfter(resourceId, "providers");

    /// <summary>Lower-case GUID text (the D format) when <paramref name="text"/> parses as a GUID.</summary>
    public static bool TryGuid(string? text, out string lower)
    {
        if (Guid.TryParse(text?.Trim(), out var g))
        {
            lower = g.ToString("D", CultureInfo.InvariantCulture);
            return true;
        }

        lower = string.Empty;
        return false;
    }

    private static string? SegmentAfter(string? path, string name)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return parts[i + 1];
            }
        }

        return null;
    }
}
