using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CstmML.Core.Attack;

namespace CstmML.Scoring.Exports;

/// <summary>
/// Maps the actor labels CstmML's attribution uses to ATT&amp;CK v18.1 groups or software. A label mapped to null has no
/// ATT&amp;CK entity (a campaign name or an abuse pattern): exports name it but list no hunt leads for it.
/// </summary>
public static class ActorEntities
{
    /// <summary>label → ATT&amp;CK id, or null when ATT&amp;CK has no entity for it (checked against groups.csv and the software list).</summary>
    public static readonly FrozenDictionary<string, string?> Table = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["TeamTNT"] = "G0139",
        ["Scattered Spider"] = "G1015",
        ["Silk Typhoon"] = "G0125", // an alias of HAFNIUM in ATT&CK
        ["HAFNIUM"] = "G0125",
        ["Kinsing"] = "S0599",      // software; its operators have no group entry
        ["Pacu"] = "S1091",         // the AWS exploitation framework (tool)
        ["Hildegard"] = "S0601",
        ["Peirates"] = "S0683",
        ["SCARLETEEL"] = null,      // Sysdig's name for a campaign; not in ATT&CK v18.1
        ["EleKtra-Leak"] = null,    // Unit 42's campaign name; not in ATT&CK v18.1
        ["LLMjacking"] = null,      // an abuse pattern (stolen keys used for hosted LLMs), not an actor
        ["SES/SNS abuse"] = null,   // an abuse pattern (spam/phishing from hijacked mail services), not an actor
        ["unknown"] = null,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Resolves a label: the table first (so a null entry is final), then the catalog's ids, names and aliases.
    /// </summary>
    public static bool TryResolve(AttackCatalog catalog, string? label, [NotNullWhen(true)] out AttackEntity? entity)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        entity = null;
        if (string.IsNullOrWhiteSpace(label))
        {
            return false;
        }

        var key = label.Trim();
        if (Table.TryGetValue(key, out var id))
        {
            return id is not null && catalog.TryGetEntity(id, out entity);
        }

        return catalog.TryGetEntity(key, out entity) && entity.Kind != "campaign";
    }

    /// <summary>The ATT&amp;CK web page of an entity (groups, software or campaigns).</summary>
    public static string Url(AttackEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var folder = entity.Kind switch
        {
            "group" => "groups",
            "software" => "software",
            _ => "campaigns",
        };
        return $"https://attack.mitre.org/{folder}/{entity.Id}/";
    }
}
