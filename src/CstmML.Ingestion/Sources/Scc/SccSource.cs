using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Identity;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Mapping;
using F = CstmML.Ingestion.Sources.Scc.SccFields;

namespace CstmML.Ingestion.Sources.Scc;

/// <summary>
/// Google Cloud Security Command Center findings: a bare finding, a ListFindings result element
/// (<c>{finding, resource}</c>), a Pub/Sub notification (<c>{notificationConfigName, finding, resource}</c>) or a
/// Pub/Sub push envelope whose base64 <c>message.data</c> holds a notification. Stateless and thread-safe; see
/// README.md in this folder for the field mapping.
/// </summary>
internal sealed class SccSource : IAlertSource
{
    /// <summary>The <c>--format</c> name.</summary>
    public const string FormatName = "scc";

    private const string PushPrefix = F.Message + "." + F.Data + ".";

    private SccSource()
    {
    }

    /// <summary>The shared instance.</summary>
    public static IAlertSource Instance { get; } = new SccSource();

    public string Name => FormatName;

    public CloudProvider Provider => CloudProvider.Gcp;

    public AlertProduct Product => AlertProduct.Scc;

    public IReadOnlyList<KnownAlertType> KnownTypes => SccMappings.Default.KnownTypes;

    public bool Matches(JsonElement record)
    {
        if (IsPush(record))
        {
            // A push envelope is generic Pub/Sub: only claim it when the payload is an SCC notification.
            return Decode(record, out var inner, out _) && IsWrapper(inner);
        }

        return IsWrapper(record) || IsFinding(record);
    }

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        ArgumentNullException.ThrowIfNull(rawRef);
        try
        {
            var prefix = string.Empty;
            if (IsPush(record))
            {
                if (!Decode(record, out var inner, out var error))
                {
                    return error!;
                }

                record = inner;
                prefix = PushPrefix;
            }

            if (record.Prop(F.Finding) is { } finding)
            {
                return finding.ValueKind == JsonValueKind.Object
                    ? FromFinding(finding, record.Prop(F.Resource), rawRef, prefix + F.Finding + ".")
                    : NormalizeResult.Fail($"{F.Finding} must be an object", prefix + F.Finding);
            }

            return IsFinding(record)
                ? FromFinding(record, null, rawRef, prefix)
                : NormalizeResult.Fail($"not an SCC finding: expected {F.Finding}, a Pub/Sub {F.Message}.{F.Data}, or a finding with {F.Category} and {F.EventTime}", prefix.TrimEnd('.'));
        }
        catch (Exception ex)
        {
            // Bad input must never be fatal to the rest of the file.
            return NormalizeResult.Fail($"unexpected error reading the finding: {ex.Message}");
        }
    }

    private static bool IsPush(JsonElement r) => r.ValueKind == JsonValueKind.Object && r.Path(F.Message, F.Data) is not null;

    private static bool IsWrapper(JsonElement r) => r.Prop(F.Finding) is { ValueKind: JsonValueKind.Object } f && f.Prop(F.Category) is not null;

    private static bool IsFinding(JsonElement r) =>
        r.ValueKind == JsonValueKind.Object && r.Prop(F.Category)?.ValueKind == JsonValueKind.String &&
        (r.Prop(F.EventTime) is not null || r.Prop(F.CreateTime) is not null) &&
        (r.Prop(F.ResourceName) is not null || r.Prop(F.Parent) is not null);

    private static bool Decode(JsonElement push, out JsonElement inner, out NormalizeResult? error)
    {
        inner = default;
        error = null;
        const string Field = F.Message + "." + F.Data;
        var data = push.Path(F.Message, F.Data);
        if (data?.ValueKind != JsonValueKind.String)
        {
            error = NormalizeResult.Fail($"{Field} must be a base64 string", Field);
            return false;
        }

        var text = data.Value.GetString()!;
        var bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var n))
        {
            error = NormalizeResult.Fail($"{Field} is not valid base64", Field);
            return false;
        }

        try
        {
            inner = JsonSerializer.Deserialize<JsonElement>(bytes.AsSpan(0, n));
        }
        catch (JsonException ex)
        {
            error = NormalizeResult.Fail($"{Field} does not decode to JSON: {ex.Message}", Field);
            return false;
        }

        if (inner.ValueKind != JsonValueKind.Object)
        {
            error = NormalizeResult.Fail($"{Field} decodes to {inner.ValueKind}, expected a notification object", Field);
            return false;
        }

        return true;
    }

    private static NormalizeResult FromFinding(JsonElement f, JsonElement? resource, RawRef rawRef, string prefix)
    {
        var category = f.NonEmpty(F.Category);
        if (category is null)
        {
            return NormalizeResult.Fail("missing category", prefix + F.Category);
        }

        // Event time is when the activity happened; createTime (when SCC created the finding) is the fallback.
        DateTimeOffset? time = null;
        foreach (var name in new[] { F.EventTime, F.CreateTime })
        {
            if (f.Prop(name) is { } v)
            {
                time = ((JsonElement?)v).AsTime();
                if (time is null)
                {
                    return NormalizeResult.Fail($"'{(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())}' is not a timestamp", prefix + name);
                }

                break;
            }
        }

        if (time is null)
        {
            return NormalizeResult.Fail($"missing event time ({prefix}{F.EventTime} or {prefix}{F.CreateTime})", prefix + F.EventTime);
        }

        var severityText = f.Str(F.Severity);
        if (SccMappings.Severity(severityText) is not { } severity)
        {
            return NormalizeResult.Fail($"unknown severity '{severityText}' (expected LOW, MEDIUM, HIGH or CRITICAL)", prefix + F.Severity);
        }

        var b = new MappingBuilder();
        var notes = new List<string>();
        var mitrePrefix = prefix + F.MitreAttack + ".";
        var mitre = f.Prop(F.MitreAttack);
        if (!AddMitre(b, notes, mitre, F.PrimaryTechniques, SccMappings.PrimaryConfidence, mitrePrefix, out var fail) ||
            !AddMitre(b, notes, mitre, F.AdditionalTechniques, SccMappings.AdditionalConfidence, mitrePrefix, out fail) ||
            !AddTactics(b, mitre, mitrePrefix, out fail))
        {
            return fail!;
        }

        SccMappings.Default.Apply(b, category);
        var (techniques, tactics, mapping) = b.Build();
        var access = f.Prop(F.Access);
        var principal = GcpPrincipal.FromEmail(access?.Str(F.PrincipalEmail)) ?? GcpPrincipal.FromSubject(access?.Str(F.PrincipalSubject));
        var principalType = principal is null ? PrincipalTypes.Unknown : GcpPrincipal.TypeOf(principal);

        // Runtime findings (Container / VM Threat Detection) name no caller: the affected resource stands in.
        principal ??= f.NonEmpty(F.ResourceName) is { } rn ? F.ResourcePrincipalPrefix + rn : GcpPrincipal.Unknown;
        var alert = new NormalizedAlert
        {
            Id = f.NonEmpty(F.Name) ?? ContentId.For(f),
            Time = time.Value,
            Ingested = f.Prop(F.CreateTime).AsTime(),
            Provider = CloudProvider.Gcp,
            Product = AlertProduct.Scc,
            Type = category,
            Principal = principal,
            PrincipalType = principalType,
            Account = Project(f, resource),
            Region = resource?.NonEmpty(F.Location),
            SourceIp = access?.NonEmpty(F.CallerIp),
            UserAgent = access?.NonEmpty(F.UserAgent) ?? access?.NonEmpty(F.UserAgentFamily),
            Severity = severity,
            Service = access?.NonEmpty(F.ServiceName),
            Techniques = techniques,
            Tactics = tactics,
            Mapping = mapping,
            RawRef = rawRef,
        };
        notes.AddRange(b.Notes);
        return NormalizeResult.Ok(alert, notes);
    }

    private static bool AddMitre(MappingBuilder b, List<string> notes, JsonElement? mitre, string field, double confidence, string prefix, out NormalizeResult? fail)
    {
        fail = null;
        if (mitre?.Prop(field) is not { } arr)
        {
            return true;
        }

        if (arr.ValueKind != JsonValueKind.Array)
        {
            fail = NormalizeResult.Fail($"{prefix}{field} must be an array, found {arr.ValueKind}", prefix + field);
            return false;
        }

        foreach (var t in arr.EnumerateArray())
        {
            var raw = t.ValueKind == JsonValueKind.String ? t.GetString() : t.GetRawText();
            if (raw is "TECHNIQUE_UNSPECIFIED")
            {
                continue;
            }

            if (SccMappings.Default.Resolve(raw) is { } id)
            {
                b.Add(id, MappingSource.Native, confidence, prefix + field);
            }
            else
            {
                notes.Add($"{prefix}{field}: '{raw}' is not a known SCC MitreAttack.Technique name; dropped");
            }
        }

        return true;
    }

    private static bool AddTactics(MappingBuilder b, JsonElement? mitre, string prefix, out NormalizeResult? fail)
    {
        fail = null;
        if (mitre is not { } m)
        {
            return true;
        }

        var tactics = new List<string?> { m.Str(F.PrimaryTactic) };
        if (m.Prop(F.AdditionalTactics) is { } extra)
        {
            if (extra.ValueKind != JsonValueKind.Array)
            {
                fail = NormalizeResult.Fail($"{prefix}{F.AdditionalTactics} must be an array, found {extra.ValueKind}", prefix + F.AdditionalTactics);
                return false;
            }

            tactics.AddRange(extra.EnumerateArray().Select(x => x.ToString()));
        }

        foreach (var t in tactics)
        {
            if (t is not null and not "TACTIC_UNSPECIFIED")
            {
                b.AddTactic(SccMappings.Default.Resolve(t) ?? t);
            }
        }

        return true;
    }

    // A project number (stable, and what resource metadata carries) wherever present, else a project id; see README.md.
    private static string Project(JsonElement f, JsonElement? resource)
    {
        var candidates = new[]
        {
            resource?.Str(F.Project), resource?.Str(F.ProjectName), resource?.Path(F.GcpMetadata, F.Project).AsString(),
            f.Str(F.ResourceName), f.Str(F.Parent), f.Str(F.Name),
        }.Select(GcpPrincipal.ProjectOf).OfType<string>().ToArray();
        if ((candidates.FirstOrDefault(p => p.All(char.IsAsciiDigit)) ?? candidates.FirstOrDefault()) is { } project)
        {
            return project;
        }

        if ((resource?.NonEmpty(F.ProjectDisplayName) ?? resource?.Path(F.GcpMetadata, F.ProjectDisplayName).AsString()) is { Length: > 0 } display)
        {
            return display;
        }

        return (GcpPrincipal.OrganizationOf(f.Str(F.Parent)) ?? GcpPrincipal.OrganizationOf(f.Str(F.Name))) is { } org
            ? "organizations/" + org
            : string.Empty;
    }
}
