using System.Collections.Frozen;
using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Text;
using CstmML.Ingestion.Mapping;

namespace CstmML.Ingestion.Sources.Scc;

/// <summary>
/// The SCC mapping tables, loaded once from the embedded CSVs (built by <c>eng/mappings/build_scc_mappings.py</c>):
/// the MitreAttack enum names with their ATT&amp;CK ids, and the curated technique per threat category.
/// </summary>
internal sealed class SccMappings
{
    /// <summary>Confidence of a technique SCC put in <c>mitreAttack.primaryTechniques</c>.</summary>
    public const double PrimaryConfidence = 0.9;

    /// <summary>Confidence of a technique SCC put in <c>mitreAttack.additionalTechniques</c> (ties with the best curated row, and native wins ties).</summary>
    public const double AdditionalConfidence = 0.8;

    /// <summary>Resource name of the curated category table.</summary>
    public const string CategoriesResource = "CstmML.Ingestion.Scc.categories.csv";

    /// <summary>Resource name of the MitreAttack enum table.</summary>
    public const string EnumResource = "CstmML.Ingestion.Scc.mitre_attack_enum.csv";

    private static readonly Lazy<SccMappings> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, string> _enum;
    private readonly FrozenDictionary<string, Entry> _categories;

    private SccMappings(Dictionary<string, string> enumIds, Dictionary<string, Entry> categories)
    {
        _enum = enumIds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _categories = categories.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        KnownTypes = categories.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KnownAlertType(CloudProvider.Gcp, AlertProduct.Scc, kv.Key, kv.Value.Mappings))
            .ToArray();
    }

    /// <summary>The tables embedded in this assembly.</summary>
    public static SccMappings Default => LazyDefault.Value;

    /// <summary>Every threat category with its curated techniques.</summary>
    public IReadOnlyList<KnownAlertType> KnownTypes { get; }

    /// <summary>SCC severities on the 0-10 scale (LOW 3, MEDIUM 5, HIGH 8, CRITICAL 10, unspecified 0), also as proto enum numbers; null when unknown.</summary>
    public static double? Severity(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SEVERITY_UNSPECIFIED" or "0" => 0,
        "CRITICAL" or "1" => 10,
        "HIGH" or "2" => 8,
        "MEDIUM" or "3" => 5,
        "LOW" or "4" => 3,
        _ => null,
    };

    /// <summary>The ATT&amp;CK id of an SCC enum name (<c>ADDITIONAL_CLOUD_CREDENTIALS</c> -> <c>T1098.001</c>) or of an id as given.</summary>
    public string? Resolve(string? nameOrId)
    {
        var s = nameOrId?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        return _enum.TryGetValue(s, out var id) ? id : (TechniqueId.TryParse(s, out _) || TacticId.TryParse(s, out _) ? s : null);
    }

    /// <summary>Adds the curated tactic and techniques of <paramref name="category"/>; false when the category is not in the table.</summary>
    public bool Apply(MappingBuilder builder, string category)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!_categories.TryGetValue(category.Trim(), out var e))
        {
            return false;
        }

        if (e.Tactic.Length > 0)
        {
            builder.AddTactic(e.Tactic);
        }

        builder.AddRange(e.Mappings);
        return true;
    }

    private static SccMappings Load()
    {
        var asm = typeof(SccMappings).Assembly;
        var enumIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in EmbeddedCsv.ReadRows(asm, EnumResource))
        {
            enumIds[r["enum_name"]] = r["attack_id"];
        }

        var categories = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in EmbeddedCsv.ReadRows(asm, CategoriesResource))
        {
            var category = r["category"];
            var confidence = double.Parse(r["confidence"], CultureInfo.InvariantCulture);
            var mappings = r["techniques"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => new TechniqueMapping(
                    AttackCatalog.Pinned.Normalize(t).Id ?? throw new InvalidOperationException($"{CategoriesResource}: '{t}' is not in ATT&CK {AttackCatalog.PinnedVersion}."),
                    MappingSource.Curated, confidence, "scc:" + category))
                .ToArray();
            categories[category] = new Entry(r["tactic"], mappings);
        }

        return new SccMappings(enumIds, categories);
    }

    private sealed record Entry(string Tactic, TechniqueMapping[] Mappings);
}
