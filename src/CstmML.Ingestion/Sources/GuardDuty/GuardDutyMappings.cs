using System.Collections.Frozen;
using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Text;
using CstmML.Ingestion.Mapping;

namespace CstmML.Ingestion.Sources.GuardDuty;

/// <summary>
/// The curated finding-type table (Data/guardduty_mappings.csv, built by eng/mappings/build_guardduty_mappings.py):
/// every active and retired finding type with at least one technique. Loaded once.
/// </summary>
internal sealed class GuardDutyMappings
{
    /// <summary>The embedded table's resource name.</summary>
    public const string ResourceName = "CstmML.Ingestion.GuardDuty.guardduty_mappings.csv";

    /// <summary>Status of a type GuardDuty documents as current.</summary>
    public const string ActiveStatus = "active";

    private static readonly Lazy<GuardDutyMappings> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, GuardDutyMappingEntry> _byType;

    private GuardDutyMappings(Dictionary<string, GuardDutyMappingEntry> byType)
    {
        _byType = byType.ToFrozenDictionary(StringComparer.Ordinal);
        Entries = byType.Values.OrderBy(e => e.FindingType, StringComparer.Ordinal).ToArray();
        KnownTypes = Entries.Select(e => new KnownAlertType(CloudProvider.Aws, AlertProduct.GuardDuty, e.FindingType, e.Mapping)).ToArray();
    }

    /// <summary>The table shipped in the assembly.</summary>
    public static GuardDutyMappings Default => LazyDefault.Value;

    /// <summary>Every finding type in the table, ordered by name.</summary>
    public IReadOnlyList<GuardDutyMappingEntry> Entries { get; }

    public IReadOnlyList<KnownAlertType> KnownTypes { get; }

    /// <summary>The entry of a finding type (exact, case-sensitive as GuardDuty writes them).</summary>
    public GuardDutyMappingEntry? Find(string findingType) => _byType.GetValueOrDefault(findingType);

    /// <summary>GuardDuty's documented severity bands as numbers: Low 2, Medium 5, High 8, Critical 9.</summary>
    public static double SeverityOf(string band) => band switch
    {
        "Low" => 2,
        "Medium" => 5,
        "High" => 8,
        "Critical" => 9,
        _ => 0,
    };

    /// <summary>Reads a table in the embedded format.</summary>
    public static GuardDutyMappings Load(IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var grouped = new Dictionary<string, (string Status, string Severity, MappingBuilder Builder)>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var type = r["finding_type"];
            if (!grouped.TryGetValue(type, out var g))
            {
                grouped[type] = g = (r["status"], r["default_severity"], new MappingBuilder());
            }

            g.Builder.Add(r["technique_id"], Enum.Parse<MappingSource>(r["source"], ignoreCase: true),
                double.Parse(r["confidence"], CultureInfo.InvariantCulture), r["rule"]);
        }

        var byType = new Dictionary<string, GuardDutyMappingEntry>(StringComparer.Ordinal);
        foreach (var (type, (status, severity, builder)) in grouped)
        {
            // The generator normalized every id; a note here means the table and the catalog disagree.
            if (builder.Notes.Count > 0)
            {
                throw new InvalidOperationException($"{ResourceName} type {type}: {string.Join("; ", builder.Notes)}");
            }

            var (techniques, tactics, mapping) = builder.Build();
            byType[type] = new GuardDutyMappingEntry(type, status, SeverityOf(severity), techniques, tactics, mapping);
        }

        return new GuardDutyMappings(byType);
    }

    private static GuardDutyMappings Load() =>
        Load(EmbeddedCsv.ReadRows(typeof(GuardDutyMappings).Assembly, ResourceName));
}
