using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Identity;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Mapping;
using F = CstmML.Ingestion.Sources.Defender.DefenderFields;

namespace CstmML.Ingestion.Sources.Defender;

/// <summary>
/// Microsoft Defender for Cloud security alerts in any of three export shapes: Log Analytics / Sentinel
/// <c>SecurityAlert</c> rows, ARM <c>Microsoft.Security/locations/alerts</c> objects and Microsoft Graph security
/// alerts_v2. Stateless and thread-safe; see README.md in this folder for the field mapping.
/// </summary>
internal sealed class DefenderSource : IAlertSource
{
    /// <summary>The <c>--format</c> name.</summary>
    public const string FormatName = "defender";

    private DefenderSource()
    {
    }

    private enum Shape
    {
        None,
        LogAnalytics,
        Arm,
        Graph,
    }

    /// <summary>The shared instance.</summary>
    public static IAlertSource Instance { get; } = new DefenderSource();

    public string Name => FormatName;

    public CloudProvider Provider => CloudProvider.Azure;

    public AlertProduct Product => AlertProduct.Defender;

    public IReadOnlyList<KnownAlertType> KnownTypes => DefenderMappings.Default.KnownTypes;

    public bool Matches(JsonElement record) => ShapeOf(record) != Shape.None;

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        ArgumentNullException.ThrowIfNull(rawRef);
        try
        {
            return ShapeOf(record) switch
            {
                Shape.LogAnalytics => FromLogAnalytics(record, rawRef),
                Shape.Arm => FromArm(record, rawRef),
                Shape.Graph => FromGraph(record, rawRef),
                _ => NormalizeResult.Fail(
                    $"not a Defender for Cloud alert: expected a SecurityAlert row ({F.AlertName}), an ARM alert ({F.Properties}.{F.ArmAlertType}) or a Graph alert ({F.GraphServiceSource})"),
            };
        }
        catch (Exception ex)
        {
            // Bad input must never be fatal to the rest of the file.
            return NormalizeResult.Fail($"unexpected error reading the alert: {ex.Message}");
        }
    }

    private static Shape ShapeOf(JsonElement r)
    {
        if (r.ValueKind != JsonValueKind.Object)
        {
            return Shape.None;
        }

        if (r.Prop(F.AlertName)?.ValueKind == JsonValueKind.String && (r.Prop(F.SystemAlertId) is not null || r.Prop(F.AlertType) is not null))
        {
            return Shape.LogAnalytics;
        }

        if (r.Prop(F.Properties) is { ValueKind: JsonValueKind.Object } p && (p.Prop(F.ArmAlertType) is not null || p.Prop(F.ArmAlertDisplayName) is not null))
        {
            return Shape.Arm;
        }

        return r.Prop(F.GraphServiceSource)?.ValueKind == JsonValueKind.String && r.Prop(F.GraphTitle) is not null ? Shape.Graph : Shape.None;
    }

    private static NormalizeResult FromLogAnalytics(JsonElement r, RawRef rawRef)
    {
        var a = new Parsed { RawRef = rawRef };
        if (!ReadTime(r, F.StartTime, F.TimeGenerated, a, out var fail) ||
            !ReadEmbedded(r.Prop(F.Entities), F.Entities, JsonValueKind.Array, out a.Entities, out fail) ||
            !ReadEmbedded(r.Prop(F.ExtendedProperties), F.ExtendedProperties, JsonValueKind.Object, out a.Extended, out fail) ||
            !ReadTechniques(r.Prop(F.Techniques), F.Techniques, embedded: true, a, out fail) ||
            !ReadTechniques(r.Prop(F.SubTechniques), F.SubTechniques, embedded: true, a, out fail))
        {
            return fail!;
        }

        a.Id = r.NonEmpty(F.SystemAlertId) ?? r.NonEmpty(F.VendorOriginalId) ?? ContentId.For(r);
        a.Ingested = r.Prop(F.TimeGenerated).AsTime();
        a.DisplayName = r.NonEmpty(F.AlertName) ?? r.NonEmpty(F.DisplayName);
        a.Type = r.NonEmpty(F.AlertType) ?? a.DisplayName;
        a.Severity = r.Str(F.AlertSeverity);
        a.SeverityField = F.AlertSeverity;
        a.Tactics.AddRange(SplitTactics(r.Prop(F.Tactics)));
        a.CompromisedEntity = r.NonEmpty(F.CompromisedEntity);
        a.ResourceIds.Add(r.NonEmpty(F.ResourceId));
        a.TenantId = r.NonEmpty(F.TenantId);
        return Finish(a);
    }

    private static NormalizeResult FromArm(JsonElement r, RawRef rawRef)
    {
        var p = r.Prop(F.Properties)!.Value;
        var a = new Parsed { RawRef = rawRef };
        const string Pre = F.Properties + ".";
        if (!ReadTime(p, F.ArmStartTime, F.ArmTimeGenerated, a, out var fail, Pre) ||
            !ReadEmbedded(p.Prop(F.ArmEntities), Pre + F.ArmEntities, JsonValueKind.Array, out a.Entities, out fail) ||
            !ReadEmbedded(p.Prop(F.ArmExtendedProperties), Pre + F.ArmExtendedProperties, JsonValueKind.Object, out a.Extended, out fail) ||
            !ReadTechniques(p.Prop(F.ArmTechniques), Pre + F.ArmTechniques, embedded: false, a, out fail) ||
            !ReadTechniques(p.Prop(F.ArmSubTechniques), Pre + F.ArmSubTechniques, embedded: false, a, out fail))
        {
            return fail!;
        }

        a.Id = p.NonEmpty(F.ArmSystemAlertId) ?? r.NonEmpty(F.Name) ?? r.NonEmpty(F.Id) ?? ContentId.For(r);
        a.Ingested = p.Prop(F.ArmTimeGenerated).AsTime();
        a.DisplayName = p.NonEmpty(F.ArmAlertDisplayName);
        a.Type = p.NonEmpty(F.ArmAlertType) ?? a.DisplayName;
        a.Severity = p.Str(F.ArmSeverity);
        a.SeverityField = Pre + F.ArmSeverity;
        a.Tactics.AddRange(SplitTactics(p.Prop(F.ArmIntent)));
        a.CompromisedEntity = p.NonEmpty(F.ArmCompromisedEntity);
        if (p.Prop(F.ArmResourceIdentifiers) is { ValueKind: JsonValueKind.Array } ids)
        {
            foreach (var i in ids.EnumerateArray())
            {
                a.ResourceIds.Add(i.NonEmpty(F.ArmAzureResourceId));
            }
        }

        // The alert's own ARM id sits under the subscription it was raised in (but names no affected service).
        a.AlertArmId = r.NonEmpty(F.Id);
        return Finish(a);
    }

    private static NormalizeResult FromGraph(JsonElement r, RawRef rawRef)
    {
        var a = new Parsed { RawRef = rawRef };
        if (!ReadTime(r, F.GraphFirstActivity, F.GraphCreated, a, out var fail) ||
            !ReadTechniques(r.Prop(F.GraphMitreTechniques), F.GraphMitreTechniques, embedded: false, a, out fail))
        {
            return fail!;
        }

        if (r.Prop(F.GraphEvidence) is { } ev && ev.ValueKind != JsonValueKind.Array)
        {
            return NormalizeResult.Fail($"{F.GraphEvidence} must be an array", F.GraphEvidence);
        }

        a.Id = r.NonEmpty(F.GraphProviderAlertId) ?? r.NonEmpty(F.Id) ?? ContentId.For(r);
        a.Ingested = r.Prop(F.GraphCreated).AsTime();
        a.DisplayName = r.NonEmpty(F.GraphTitle);
        a.Type = r.NonEmpty(F.GraphDetectorId) ?? a.DisplayName;
        a.Severity = r.Str(F.GraphSeverity);
        a.SeverityField = F.GraphSeverity;
        a.Tactics.AddRange(SplitTactics(r.Prop(F.GraphCategory)));
        a.GraphEvidence = r.Prop(F.GraphEvidence);
        a.TenantId = r.NonEmpty(F.GraphTenantId);
        if (a.GraphEvidence is { } evidence)
        {
            foreach (var e in evidence.EnumerateArray())
            {
                a.ResourceIds.Add(e.NonEmpty(F.GraphResourceId));
            }
        }

        return Finish(a);
    }

    private static NormalizeResult Finish(Parsed a)
    {
        if (DefenderMappings.Severity(a.Severity) is not { } severity)
        {
            return NormalizeResult.Fail(
                a.Severity is null ? "missing severity" : $"unknown severity '{a.Severity}' (expected Informational, Low, Medium, High or Critical)",
                a.SeverityField);
        }

        if (a.Type is null)
        {
            return NormalizeResult.Fail("missing alert type and alert name", a.SeverityField == F.AlertSeverity ? F.AlertType : F.ArmAlertType);
        }

        var b = new MappingBuilder();
        foreach (var t in a.Tactics)
        {
            b.AddTactic(t);
        }

        foreach (var (raw, field) in a.Techniques)
        {
            b.Add(raw, MappingSource.Native, DefenderMappings.NativeConfidence, field);
        }

        DefenderMappings.Default.Apply(b, a.Type, a.DisplayName);
        var (techniques, tactics, mapping) = b.Build();
        var (principal, principalType) = DefenderEntities.Principal(a.Entities, a.Extended, a.GraphEvidence, a.CompromisedEntity);
        var subscription = a.ResourceIds.Select(AzurePrincipal.SubscriptionOf).FirstOrDefault(s => s is not null)
            ?? DefenderEntities.SubscriptionFromEntities(a.Entities) ?? AzurePrincipal.SubscriptionOf(a.AlertArmId);
        var tenant = AzurePrincipal.TryGuid(a.TenantId, out var tg) ? tg : a.TenantId;
        var resource = a.ResourceIds.FirstOrDefault(id => AzurePrincipal.ProviderOf(id) is not null);
        var alert = new NormalizedAlert
        {
            Id = a.Id!,
            Time = a.Time,
            Ingested = a.Ingested,
            Provider = CloudProvider.Azure,
            Product = AlertProduct.Defender,
            Type = a.Type,
            Principal = principal,
            PrincipalType = principalType,
            Account = subscription ?? tenant ?? string.Empty,
            SourceIp = DefenderEntities.SourceIp(a.Entities, a.Extended, a.GraphEvidence),
            UserAgent = DefenderEntities.Extended(a.Extended, F.ExtendedUserAgentKeys),
            Severity = severity,
            Service = AzurePrincipal.ProviderOf(resource),
            Techniques = techniques,
            Tactics = tactics,
            Mapping = mapping,
            RawRef = a.RawRef,
        };
        return NormalizeResult.Ok(alert, b.Notes);
    }

    // Event time is the first activity; the generation time is kept as Ingested and used only when no start is given.
    private static bool ReadTime(JsonElement r, string start, string generated, Parsed a, out NormalizeResult? fail, string prefix = "")
    {
        fail = null;
        foreach (var name in new[] { start, generated })
        {
            if (r.Prop(name) is { } v)
            {
                if (((JsonElement?)v).AsTime() is { } t)
                {
                    a.Time = t;
                    return true;
                }

                fail = NormalizeResult.Fail($"'{(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())}' is not a timestamp", prefix + name);
                return false;
            }
        }

        fail = NormalizeResult.Fail($"missing event time ({prefix}{start} or {prefix}{generated})", prefix + start);
        return false;
    }

    // Log Analytics stores Entities, ExtendedProperties and Techniques as JSON text; ARM and Graph as JSON.
    private static bool ReadEmbedded(JsonElement? e, string field, JsonValueKind kind, out JsonElement? value, out NormalizeResult? fail)
    {
        value = null;
        fail = null;
        if (e is not { } v)
        {
            return true;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString();
            if (string.IsNullOrWhiteSpace(s))
            {
                return true;
            }

            try
            {
                v = JsonSerializer.Deserialize<JsonElement>(s);
            }
            catch (JsonException ex)
            {
                fail = NormalizeResult.Fail($"{field} is not valid JSON text: {ex.Message}", field);
                return false;
            }
        }

        if (v.ValueKind != kind)
        {
            fail = NormalizeResult.Fail($"{field} must be a JSON {(kind == JsonValueKind.Array ? "array" : "object")}, found {v.ValueKind}", field);
            return false;
        }

        value = v;
        return true;
    }

    private static bool ReadTechniques(JsonElement? e, string field, bool embedded, Parsed a, out NormalizeResult? fail)
    {
        fail = null;
        JsonElement? arr = e;
        if (embedded && !ReadEmbedded(e, field, JsonValueKind.Array, out arr, out fail))
        {
            return false;
        }

        if (arr is not { } v)
        {
            return true;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            fail = NormalizeResult.Fail($"{field} must be an array of technique ids, found {v.ValueKind}", field);
            return false;
        }

        foreach (var t in v.EnumerateArray())
        {
            a.Techniques.Add((t.ValueKind == JsonValueKind.String ? t.GetString() ?? string.Empty : t.GetRawText(), field));
        }

        return true;
    }

    private static IEnumerable<string> SplitTactics(JsonElement? e)
    {
        var items = e switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            { ValueKind: JsonValueKind.Array } arr => arr.EnumerateArray().Select(x => x.ToString()).ToArray(),
            _ => [],
        };
        return items.Where(t => !F.NoTactic.Contains(t, StringComparer.OrdinalIgnoreCase));
    }

    // Mutable scratch state of one record while it is being read.
    private sealed class Parsed
    {
        public JsonElement? Entities;
        public JsonElement? Extended;

        public required RawRef RawRef { get; init; }

        public string? Id { get; set; }

        public DateTimeOffset Time { get; set; }

        public DateTimeOffset? Ingested { get; set; }

        public string? Type { get; set; }

        public string? DisplayName { get; set; }

        public string? Severity { get; set; }

        public string SeverityField { get; set; } = string.Empty;

        public List<string> Tactics { get; } = [];

        public List<(string Raw, string Field)> Techniques { get; } = [];

        public string? CompromisedEntity { get; set; }

        public List<string?> ResourceIds { get; } = [];

        public string? TenantId { get; set; }

        public string? AlertArmId { get; set; }

        public JsonElement? GraphEvidence { get; set; }
    }
}
