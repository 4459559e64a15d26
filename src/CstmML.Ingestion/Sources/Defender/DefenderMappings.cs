using System.Collections.Frozen;
using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Text;
using CstmML.Ingestion.Mapping;

namespace CstmML.Ingestion.Sources.Defender;

/// <summary>
/// The Defender for Cloud mapping tables, loaded once from the embedded CSVs (built by
/// <c>eng/mappings/build_defender_mappings.py</c>): Microsoft's documented tactics and CstmML's curated techniques per
/// <c>AlertType</c>, and CTID's alert-name evidence.
/// </summary>
internal sealed class DefenderMappings
{
    /// <summary>Confidence of a technique Defender itself put on the alert.</summary>
    public const double NativeConfidence = 0.9;

    /// <summary>Resource name of the curated AlertType table.</summary>
    public const string AlertTypesResource = "CstmML.Ingestion.Defender.alert_types.csv";

    /// <summary>Resource name of the CTID alert-name table.</summary>
    public const string CtidResource = "CstmML.Ingestion.Defender.ctid_alert_names.csv";

    private static readonly Lazy<DefenderMappings> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Entry> _byType;
    private readonly FrozenDictionary<string, TechniqueMapping[]> _byName;

    private DefenderMappings(Dictionary<string, Entry> byType, Dictionary<string, List<TechniqueMapping>> byName)
    {
        _byType = byType.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byName = byName.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        KnownTypes = byType.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KnownAlertType(CloudProvider.Azure, AlertProduct.Defender, kv.Key, kv.Value.Mappings))
            .Concat(_byName.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new KnownAlertType(CloudProvider.Azure, AlertProduct.Defender, kv.Key, kv.Value)))
            .ToArray();
    }

    /// <summary>The tables embedded in this assembly.</summary>
    public static DefenderMappings Default => LazyDefault.Value;

    /// <summary>Every AlertType and CTID alert name with its techniques.</summary>
    public IReadOnlyList<KnownAlertType> KnownTypes { get; }

    /// <summary>CTID's confidence for its coverage score: a coverage rating, not a probability, so kept below native.</summary>
    public static double CtidConfidence(string score) => score switch
    {
        "significant" => 0.6,
        "partial" => 0.5,
        _ => 0.4,
    };

    /// <summary>Defender's severity names on the 0-10 scale (Informational 1, Low 3, Medium 5, High 8, Critical 10); null when unknown.</summary>
    public static double? Severity(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "INFORMATIONAL" => 1,
        "LOW" => 3,
        "MEDIUM" => 5,
        "HIGH" => 8,
        "CRITICAL" => 10,
        _ => null,
    };

    /// <summary>Adds the curated tactics and techniques of <paramref name="alertType"/> and CTID's techniques of <paramref name="alertName"/>.</summary>
    public void Apply(MappingBuilder builder, string? alertType, string? alertName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (alertType is not null && _byType.TryGetValue(alertType.Trim(), out var entry))
        {
            foreach (var t in entry.Tactics)
            {
                builder.AddTactic(t);
            }

            builder.AddRange(entry.Mappings);
        }

        if (alertName is not null && _byName.TryGetValue(alertName.Trim(), out var ctid))
        {
            builder.AddRange(ctid);
        }
    }

    /// <summary>True when the AlertType has a curated row.</summary>
    public bool IsKnownType(string alertType) => _byType.ContainsKey(alertType);

    private static DefenderMappings Load()
    {
        var asm = typeof(DefenderMappings).Assembly;
        var byType = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in EmbeddedCsv.ReadRows(asm, AlertTypesResource))
        {
            var type = r["alert_type"];
            var confidence = double.Parse(r["confidence"], CultureInfo.InvariantCulture);
            var mappings = Split(r["techniques"])
                .Select(t => new TechniqueMapping(Pinned(t, AlertTypesResource), MappingSource.Curated, confidence, "defender:" + type))
                .ToArray();
            byType[type] = new Entry(Split(r["tactics"]), mappings);
        }

        var byName = new Dictionary<string, List<TechniqueMapping>>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in EmbeddedCsv.ReadRows(asm, CtidResource))
        {
            var name = r["alert_name"];
            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = [];
            }

            var id = Pinned(r["technique_id"], CtidResource);
            if (!list.Exists(m => m.Technique == id))
            {
                list.Add(new TechniqueMapping(id, MappingSource.Ctid, CtidConfidence(r["score_value"]), "ctid:azure"));
            }
        }

        return new DefenderMappings(byType, byName);
    }

    // Table ids from older ATT&CK versions (CTID is on 8.2-16.1) are moved to the pinned version here, once.
    private static TechniqueId Pinned(string raw, string table) =>
        AttackCatalog.Pinned.Normalize(raw).Id ?? throw new InvalidOperationException($"{table}: technique '{raw}' is not in ATT&CK {AttackCatalog.PinnedVersion}.");

    private static string[] Split(string s) => s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed record Entry(string[] Tactics, TechniqueMapping[] Mappings);
}
