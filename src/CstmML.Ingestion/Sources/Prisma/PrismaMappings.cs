using System.Collections.Frozen;
using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Text;
using CstmML.Ingestion.Mapping;

namespace CstmML.Ingestion.Sources.Prisma;

/// <summary>
/// The Prisma Cloud mapping table (curated techniques per policy name), loaded once from the embedded CSV. It ships
/// empty on purpose: no public list of Prisma policy names was available to ground curated rows, and ATT&amp;CK
/// techniques come from the policy's own MITRE compliance metadata instead (README.md).
/// </summary>
internal sealed class PrismaMappings
{
    /// <summary>Confidence of a technique from a policy's MITRE ATT&amp;CK compliance metadata: the vendor's mapping of the policy, not of this alert.</summary>
    public const double ComplianceConfidence = 0.8;

    /// <summary>Resource name of the curated policy-name table.</summary>
    public const string PolicyNamesResource = "CstmML.Ingestion.Prisma.policy_names.csv";

    private static readonly Lazy<PrismaMappings> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, TechniqueMapping[]> _byPolicy;

    private PrismaMappings(Dictionary<string, TechniqueMapping[]> byPolicy)
    {
        _byPolicy = byPolicy.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        KnownTypes = byPolicy.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KnownAlertType(CloudProvider.Prisma, AlertProduct.Prisma, kv.Key, kv.Value))
            .ToArray();
    }

    /// <summary>The table embedded in this assembly.</summary>
    public static PrismaMappings Default => LazyDefault.Value;

    /// <summary>Every curated policy name with its techniques.</summary>
    public IReadOnlyList<KnownAlertType> KnownTypes { get; }

    /// <summary>Prisma severities on the 0-10 scale (informational 1, low 3, medium 5, high 8, critical 10); null when unknown.</summary>
    public static double? Severity(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "INFORMATIONAL" => 1,
        "LOW" => 3,
        "MEDIUM" => 5,
        "HIGH" => 8,
        "CRITICAL" => 10,
        _ => null,
    };

    /// <summary>Adds the curated techniques of a policy name, if any.</summary>
    public void Apply(MappingBuilder builder, string? policyName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (policyName is not null && _byPolicy.TryGetValue(policyName.Trim(), out var m))
        {
            builder.AddRange(m);
        }
    }

    private static PrismaMappings Load()
    {
        var byPolicy = new Dictionary<string, TechniqueMapping[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in EmbeddedCsv.ReadRows(typeof(PrismaMappings).Assembly, PolicyNamesResource))
        {
            var name = r["policy_name"];
            var confidence = double.Parse(r["confidence"], CultureInfo.InvariantCulture);
            byPolicy[name] = r["techniques"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => new TechniqueMapping(
                    AttackCatalog.Pinned.Normalize(t).Id ?? throw new InvalidOperationException($"{PolicyNamesResource}: '{t}' is not in ATT&CK {AttackCatalog.PinnedVersion}."),
                    MappingSource.Curated, confidence, "prisma:" + name))
                .ToArray();
        }

        return new PrismaMappings(byPolicy);
    }
}
