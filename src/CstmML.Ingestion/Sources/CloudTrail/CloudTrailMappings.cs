using System.Collections.Frozen;
using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Text;
using CstmML.Ingestion.Mapping;

namespace CstmML.Ingestion.Sources.CloudTrail;

/// <summary>
/// The curated eventSource + eventName table (Data/cloudtrail_mappings.csv, built by
/// eng/mappings/build_cloudtrail_mappings.py) and the read-only discovery families for calls it does not list.
/// Loaded once; lookups allocate nothing.
/// </summary>
internal sealed class CloudTrailMappings
{
    /// <summary>The embedded table's resource name.</summary>
    public const string ResourceName = "CstmML.Ingestion.CloudTrail.cloudtrail_mappings.csv";

    /// <summary>Confidence of a family (read-only discovery) mapping: weaker than any table row.</summary>
    public const double FamilyConfidence = 0.3;

    /// <summary>Event source wildcard in the table.</summary>
    public const string AnySource = "*";

    private const string FailureOnly = "failure";

    private static readonly Lazy<CloudTrailMappings> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, (CloudTrailMappingEntry Success, CloudTrailMappingEntry Failure)[]> _byName;
    private readonly CloudTrailMappingEntry _familyEc2;
    private readonly CloudTrailMappingEntry _familyIamAccounts;
    private readonly CloudTrailMappingEntry _familyIamGroups;
    private readonly CloudTrailMappingEntry _familyS3;
    private readonly CloudTrailMappingEntry _familyOther;

    private CloudTrailMappings(Dictionary<string, (CloudTrailMappingEntry, CloudTrailMappingEntry)[]> byName, IReadOnlyList<KnownAlertType> known)
    {
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        KnownTypes = known;
        _familyEc2 = MakeFamily("ec2", "T1580");
        _familyIamAccounts = MakeFamily("iam-accounts", "T1087.004");
        _familyIamGroups = MakeFamily("iam-groups", "T1069.003");
        _familyS3 = MakeFamily("s3", "T1619");
        _familyOther = MakeFamily("other", "T1526");
    }

    /// <summary>The table shipped in the assembly.</summary>
    public static CloudTrailMappings Default => LazyDefault.Value;

    /// <summary>Every call the table lists, with its techniques (success-case rows).</summary>
    public IReadOnlyList<KnownAlertType> KnownTypes { get; }

    /// <summary>
    /// The table entry for a call: an exact eventSource match first, then a <c>*</c> row. <paramref name="failed"/>
    /// adds rows that only apply to failed calls (e.g. console brute force).
    /// </summary>
    public CloudTrailMappingEntry? Find(string? eventSource, string eventName, bool failed)
    {
        if (!_byName.TryGetValue(eventName, out var entries))
        {
            return null;
        }

        (CloudTrailMappingEntry Success, CloudTrailMappingEntry Failure)? wildcard = null;
        foreach (var e in entries)
        {
            if (eventSource is not null && string.Equals(e.Success.EventSource, eventSource, StringComparison.Ordinal))
            {
                return failed ? e.Failure : e.Success;
            }

            if (e.Success.EventSource == AnySource)
            {
                wildcard = e;
            }
        }

        return wildcard is { } w ? (failed ? w.Failure : w.Success) : null;
    }

    /// <summary>The discovery family of a read-only call the table does not list: ec2 T1580, iam T1087.004 or T1069.003, s3 T1619, else T1526.</summary>
    public CloudTrailMappingEntry Family(string? eventSource, string eventName) => eventSource switch
    {
        "ec2.amazonaws.com" => _familyEc2,
        "iam.amazonaws.com" => eventName.Contains("Group", StringComparison.Ordinal) || eventName.Contains("Polic", StringComparison.Ordinal)
            ? _familyIamGroups : _familyIamAccounts,
        "s3.amazonaws.com" => _familyS3,
        _ => _familyOther,
    };

    /// <summary>
    /// Strips an API-version suffix (<c>yyyymmdd</c>, optionally <c>vN</c>) from an eventName, as Lambda writes them:
    /// <c>ListFunctions20150331</c> and <c>UpdateFunctionCode20150331v2</c> become <c>ListFunctions</c> and <c>UpdateFunctionCode</c>.
    /// </summary>
    public static string NormalizeEventName(string eventName)
    {
        var end = eventName.Length;
        if (end < 9 || !char.IsAsciiDigit(eventName[end - 1]))
        {
            return eventName;
        }

        var i = end - 1;
        while (i >= 0 && char.IsAsciiDigit(eventName[i]))
        {
            i--;
        }

        if (i > 0 && eventName[i] == 'v')
        {
            end = i; // "v2" version marker; the date must precede it
            i--;
            if (i < 0 || !char.IsAsciiDigit(eventName[i]))
            {
                return eventName;
            }

            while (i >= 0 && char.IsAsciiDigit(eventName[i]))
            {
                i--;
            }
        }

        var dateStart = i + 1;
        return end - dateStart == 8 && dateStart > 0 && eventName[dateStart] is '1' or '2' ? eventName[..dateStart] : eventName;
    }

    /// <summary>Reads a table in the embedded format (exposed for tests and the generator's check).</summary>
    public static CloudTrailMappings Load(IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var grouped = new Dictionary<(string Source, string Name), List<(TechniqueMapping Mapping, bool FailureOnly, double Severity)>>();
        foreach (var r in rows)
        {
            var key = (r["event_source"], r["event_name"]);
            if (!grouped.TryGetValue(key, out var list))
            {
                grouped[key] = list = [];
            }

            var source = Enum.Parse<MappingSource>(r["source"], ignoreCase: true);
            var mapping = new TechniqueMapping(TechniqueId.Parse(r["technique_id"]), source,
                double.Parse(r["confidence"], CultureInfo.InvariantCulture), r["rule"]);
            list.Add((mapping, r["when"] == FailureOnly, double.Parse(r["severity"], CultureInfo.InvariantCulture)));
        }

        var byName = new Dictionary<string, List<(CloudTrailMappingEntry, CloudTrailMappingEntry)>>(StringComparer.Ordinal);
        var known = new List<KnownAlertType>();
        foreach (var ((source, name), list) in grouped.OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Source, StringComparer.Ordinal))
        {
            var success = Build(source, name, list.Where(x => !x.FailureOnly));
            var failure = Build(source, name, list);
            if (!byName.TryGetValue(name, out var entries))
            {
                byName[name] = entries = [];
            }

            entries.Add((success, failure));
            known.Add(new KnownAlertType(CloudProvider.Aws, AlertProduct.CloudTrail, name, success.Mapping));
        }

        return new CloudTrailMappings(byName.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal), known);
    }

    private static CloudTrailMappings Load() =>
        Load(EmbeddedCsv.ReadRows(typeof(CloudTrailMappings).Assembly, ResourceName));

    private static CloudTrailMappingEntry Build(string source, string name, IEnumerable<(TechniqueMapping Mapping, bool FailureOnly, double Severity)> rows)
    {
        var builder = new MappingBuilder();
        double severity = 0;
        foreach (var (row, _, sev) in rows)
        {
            builder.Add(row.Technique.Value, row.Source, row.Confidence, row.Rule);
            severity = Math.Max(severity, sev);
        }

        // The generator normalized every id; a note here means the table and the catalog disagree.
        if (builder.Notes.Count > 0)
        {
            throw new InvalidOperationException($"{ResourceName} row {source} {name}: {string.Join("; ", builder.Notes)}");
        }

        var (techniques, tactics, mapping) = builder.Build();
        return new CloudTrailMappingEntry(source, name, techniques, tactics, mapping, severity);
    }

    private static CloudTrailMappingEntry MakeFamily(string family, string technique)
    {
        var builder = new MappingBuilder();
        builder.Add(technique, MappingSource.Curated, FamilyConfidence, "family:read-only-" + family);
        var (techniques, tactics, mapping) = builder.Build();
        return new CloudTrailMappingEntry(AnySource, "*", techniques, tactics, mapping, 1);
    }
}
