using System.Net;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Identity;
using CstmML.Ingestion.Json;
using F = CstmML.Ingestion.Sources.Defender.DefenderFields;

namespace CstmML.Ingestion.Sources.Defender;

/// <summary>
/// Reads identities, addresses and resources out of Defender's entity lists (Sentinel PascalCase or ARM camelCase),
/// extended properties and Graph evidence. Rules are in README.md: Entra object id, then UPN, then service principal
/// / application, then managed identity, then the compromised entity.
/// </summary>
internal static class DefenderEntities
{
    /// <summary>The canonical principal and its type.</summary>
    public static (string Principal, string Type) Principal(JsonElement? entities, JsonElement? extended, JsonElement? evidence, string? compromisedEntity)
    {
        string? upn = null;

        // 1. Account entities and Graph user evidence: the object id wins over the UPN.
        foreach (var acc in Accounts(entities, evidence))
        {
            if (AzurePrincipal.FromObjectId(acc.ObjectId) is { } oid)
            {
                return (oid, acc.Upn is not null || acc.IsUser ? PrincipalTypes.User : PrincipalTypes.Unknown);
            }

            upn ??= acc.Upn;
        }

        if (upn is not null)
        {
            return (upn, PrincipalTypes.User);
        }

        // 2. Extended properties name the caller of control-plane alerts.
        foreach (var v in ExtendedAll(extended, F.ExtendedUserKeys))
        {
            if ((AzurePrincipal.FromObjectId(v) ?? AzurePrincipal.FromUpn(v)) is { } p)
            {
                return (p, AzurePrincipal.TypeOf(p) == PrincipalTypes.User ? PrincipalTypes.User : PrincipalTypes.Unknown);
            }
        }

        if (ExtendedAll(extended, F.ExtendedServicePrincipalKeys).Select(AzurePrincipal.FromObjectId).FirstOrDefault(p => p is not null) is { } sp)
        {
            return (sp, PrincipalTypes.Application);
        }

        if (ExtendedAll(extended, F.ExtendedAppKeys).Concat(AppIds(evidence)).Select(AzurePrincipal.FromApplicationId).FirstOrDefault(p => p is not null) is { } app)
        {
            return (app, PrincipalTypes.Application);
        }

        // 3. A user-assigned managed identity named as a resource entity.
        foreach (var e in OfType(entities, F.EntityTypeAzureResource))
        {
            var id = Get(e, F.EntityResourceId);
            if (id is not null && id.Contains("/Microsoft.ManagedIdentity/", StringComparison.OrdinalIgnoreCase) &&
                AzurePrincipal.FromManagedIdentityResourceId(id) is { } mi)
            {
                return (mi, PrincipalTypes.Service);
            }
        }

        // 4. Last resort: the compromised entity (a host, resource or subscription name).
        return AzurePrincipal.FromEntity(compromisedEntity) is { } ent
            ? (ent, AzurePrincipal.TypeOf(ent))
            : (AzurePrincipal.Unknown, PrincipalTypes.Unknown);
    }

    /// <summary>The subscription of the first azure-resource entity, when the record has no resource id of its own.</summary>
    public static string? SubscriptionFromEntities(JsonElement? entities) =>
        OfType(entities, F.EntityTypeAzureResource).Select(e => AzurePrincipal.SubscriptionOf(Get(e, F.EntityResourceId))).FirstOrDefault(s => s is not null);

    /// <summary>The first valid IP address from ip entities, Graph ip evidence or extended properties.</summary>
    public static string? SourceIp(JsonElement? entities, JsonElement? extended, JsonElement? evidence)
    {
        var candidates = OfType(entities, F.EntityTypeIp).Select(e => Get(e, F.EntityAddress))
            .Concat(Items(evidence).Select(e => e.Str(F.GraphIpAddress)))
            .Concat(ExtendedAll(extended, F.ExtendedIpKeys));
        foreach (var c in candidates)
        {
            if (c is not null && IPAddress.TryParse(c.Trim(), out var ip))
            {
                return ip.ToString();
            }
        }

        return null;
    }

    /// <summary>The first non-empty extended property among <paramref name="keys"/>.</summary>
    public static string? Extended(JsonElement? extended, string[] keys) => ExtendedAll(extended, keys).FirstOrDefault(v => v is not null);

    private static IEnumerable<string?> ExtendedAll(JsonElement? extended, string[] keys) =>
        extended is { } e ? keys.Select(k => Get(e, k)) : [];

    private static IEnumerable<(string? ObjectId, string? Upn, bool IsUser)> Accounts(JsonElement? entities, JsonElement? evidence)
    {
        foreach (var e in OfType(entities, F.EntityTypeAccount))
        {
            var name = Get(e, F.EntityName);
            yield return (Get(e, F.EntityAadUserId), AzurePrincipal.FromNameAndSuffix(name, Get(e, F.EntityUpnSuffix)) ?? AzurePrincipal.FromUpn(name), false);
        }

        foreach (var e in Items(evidence))
        {
            if (e.Prop(F.GraphUserAccount) is { } u)
            {
                yield return (u.Str(F.GraphAzureAdUserId), AzurePrincipal.FromUpn(u.Str(F.GraphUserPrincipalName)), true);
            }
        }
    }

    private static IEnumerable<string?> AppIds(JsonElement? evidence) =>
        Items(evidence).Where(e => e.Str(F.GraphODataType) is { } t && t.Contains("Application", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Str(F.GraphAppId));

    private static IEnumerable<JsonElement> OfType(JsonElement? entities, string type) =>
        Items(entities).Where(e => string.Equals(Get(e, F.EntityType), type, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<JsonElement> Items(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object) : [];

    // Entity and extended-property keys differ in case between Sentinel and ARM exports.
    private static string? Get(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var p in e.EnumerateObject())
        {
            if (p.NameEquals(name) || string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                var s = ((JsonElement?)p.Value).AsString();
                return string.IsNullOrWhiteSpace(s) ? null : s;
            }
        }

        return null;
    }
}
