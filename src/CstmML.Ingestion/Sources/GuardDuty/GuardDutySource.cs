using System.Collections.Frozen;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Ingestion.Identity;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Mapping;
using F = CstmML.Ingestion.Sources.GuardDuty.GuardDutyFields;

namespace CstmML.Ingestion.Sources.GuardDuty;

/// <summary>
/// Amazon GuardDuty findings (one finding per record: the reader splits arrays, GetFindings responses and JSON
/// Lines; an EventBridge envelope is unwrapped here too). Stateless and thread-safe; see README.md for the rules.
/// </summary>
internal sealed class GuardDutySource : IAlertSource
{
    /// <summary>The <c>--format</c> name.</summary>
    public const string FormatName = "guardduty";

    /// <summary>Confidence of a technique GuardDuty itself states (AttackSequence indicators).</summary>
    public const double NativeConfidence = 0.9;

    private static readonly Lazy<FrozenDictionary<string, TechniqueId>> TechniquesByName = new(() =>
    {
        var d = new Dictionary<string, TechniqueId>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in AttackCatalog.Pinned.Techniques)
        {
            d[t.FullName] = t.Id;
            if (t.Parent is null)
            {
                d.TryAdd(t.Name, t.Id);
            }
        }

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    });

    private readonly GuardDutyMappings _mappings;

    public GuardDutySource(GuardDutyMappings? mappings = null) => _mappings = mappings ?? GuardDutyMappings.Default;

    /// <summary>The shared instance over the embedded table.</summary>
    public static GuardDutySource Instance { get; } = new();

    public string Name => FormatName;

    public CloudProvider Provider => CloudProvider.Aws;

    public AlertProduct Product => AlertProduct.GuardDuty;

    public IReadOnlyList<KnownAlertType> KnownTypes => _mappings.KnownTypes;

    public bool Matches(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (record.Prop(F.DetailType) is not null && record.Prop(F.Detail) is { ValueKind: JsonValueKind.Object } detail)
        {
            return Matches(detail);
        }

        return record.Prop(F.SchemaVersion) is not null && record.Prop(F.Type) is not null &&
            (record.Prop(F.Service) is not null || record.Prop(F.Resource) is not null);
    }

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        ArgumentNullException.ThrowIfNull(rawRef);
        if (record.ValueKind != JsonValueKind.Object)
        {
            return NormalizeResult.Fail($"a GuardDuty finding must be a JSON object, got {record.ValueKind}", "$");
        }

        var prefix = string.Empty;
        if (record.Prop(F.DetailType) is not null && record.Prop(F.Detail) is { ValueKind: JsonValueKind.Object } detail)
        {
            record = detail;
            prefix = F.Detail + ".";
        }

        if (record.Prop(F.Type) is not { ValueKind: JsonValueKind.String } typeEl || typeEl.GetString() is not { Length: > 0 } type)
        {
            return NormalizeResult.Fail("missing or non-string finding type", prefix + F.Type);
        }

        // Event time: when the activity was last seen; the finding's own timestamps only when that is absent.
        var (timeEl, timeField) = record.Path(F.Service, F.EventLastSeen) is { } last ? (last, F.ServiceEventLastSeen)
            : record.Prop(F.UpdatedAt) is { } upd ? (upd, F.UpdatedAt)
            : record.Prop(F.CreatedAt) is { } cre ? (cre, F.CreatedAt)
            : (default(JsonElement?), F.UpdatedAt);
        if (timeEl is null)
        {
            return NormalizeResult.Fail("missing time: none of service.eventLastSeen, updatedAt, createdAt", prefix + F.UpdatedAt);
        }

        if (timeEl.AsTime() is not { } time)
        {
            return NormalizeResult.Fail($"{timeField} is not a timestamp: {timeEl.Value.GetRawText()}", prefix + timeField);
        }

        var entry = _mappings.Find(type);
        var notes = new List<string>();
        double severity;
        if (record.Prop(F.Severity).AsDouble() is { } sev && double.IsFinite(sev))
        {
            severity = Math.Clamp(sev, 0, 10);
        }
        else
        {
            severity = entry?.DefaultSeverity ?? 0;
            notes.Add($"severity missing or not a number; used the type's default {severity}");
        }

        var account = record.NonEmpty(F.AccountId) ?? string.Empty;
        var partition = record.NonEmpty(F.Partition) ?? "aws";
        var resource = record.Prop(F.Resource);
        var principal = Principal(resource, account, partition);
        var service = record.Prop(F.Service);

        IReadOnlyList<TechniqueId> techniques = entry?.Techniques ?? [];
        IReadOnlyList<TacticId> tactics = entry?.Tactics ?? [];
        IReadOnlyList<TechniqueMapping> mapping = entry?.Mapping ?? [];
        if (entry is null)
        {
            notes.Add($"finding type '{type}' is not in the GuardDuty mapping table; left unmapped");
        }

        if (service?.Path(F.Detection, F.Sequence) is { ValueKind: JsonValueKind.Object } sequence)
        {
            var builder = new MappingBuilder();
            builder.AddRange(mapping);
            AddNative(builder, sequence.Prop(F.SequenceIndicators));
            if (sequence.Prop(F.Signals) is { ValueKind: JsonValueKind.Array } signals)
            {
                foreach (var s in signals.EnumerateArray())
                {
                    AddNative(builder, s.Prop(F.SignalIndicators));
                }
            }

            (techniques, tactics, mapping) = builder.Build();
            notes.AddRange(builder.Notes);
        }

        var apiCall = service?.Path(F.Action, F.AwsApiCallAction);
        var alert = new NormalizedAlert
        {
            Id = record.NonEmpty(F.Id) ?? ContentId.For(record),
            Time = time,
            Ingested = record.Prop(F.UpdatedAt).AsTime(),
            Provider = CloudProvider.Aws,
            Product = AlertProduct.GuardDuty,
            Type = type,
            Principal = principal.Principal,
            PrincipalType = principal.Type,
            SessionName = principal.SessionName,
            Account = account,
            Region = record.NonEmpty(F.Region),
            SourceIp = service is { } svc ? RemoteIp(svc) : null,
            UserAgent = service is { } svc2 ? UserAgent(svc2, apiCall) : null,
            AccessKeyId = record.Path(F.Resource, F.AccessKeyDetails, AwsIdentityFields.AccessKeyId).AsString() is { Length: > 0 } key ? key : null,
            Outcome = Outcomes.Success,
            Severity = severity,
            Service = apiCall is { } a ? a.NonEmpty(F.ServiceName) : null,
            Techniques = techniques,
            Tactics = tactics,
            Mapping = mapping,
            RawRef = rawRef,
        };
        return NormalizeResult.Ok(alert, notes);
    }

    /// <summary>
    /// accessKeyDetails first (the credential that acted); else the instance profile (as a role: the profile's role is
    /// what acts in CloudTrail, but its name may differ, so the profile ARN is kept as is); else
    /// <c>resourceType:id</c> of the affected resource.
    /// </summary>
    private static AwsPrincipal Principal(JsonElement? resource, string account, string partition)
    {
        if (resource is not { ValueKind: JsonValueKind.Object } res)
        {
            return AwsPrincipal.Unknown;
        }

        if (AwsPrincipal.FromAccessKeyDetails(res.Prop(F.AccessKeyDetails), account, partition) is { } p)
        {
            return p;
        }

        if (res.Path(F.InstanceDetails, F.IamInstanceProfile, F.Arn).AsString() is { Length: > 0 } profile)
        {
            return new AwsPrincipal(profile, PrincipalTypes.Role);
        }

        var resourceType = res.NonEmpty(F.ResourceType) ?? "resource";
        foreach (var (detail, idField) in F.ResourceIds)
        {
            if (res.Path(detail, idField).AsString() is { Length: > 0 } id)
            {
                return new AwsPrincipal(resourceType + ":" + id, PrincipalTypes.Unknown);
            }
        }

        if (res.Prop(F.S3BucketDetails) is { ValueKind: JsonValueKind.Array } buckets && buckets.GetArrayLength() > 0 &&
            buckets[0].NonEmpty(F.Name) is { } bucket)
        {
            return new AwsPrincipal(resourceType + ":" + bucket, PrincipalTypes.Unknown);
        }

        return new AwsPrincipal(resourceType + ":" + AwsPrincipal.UnknownPrincipal, PrincipalTypes.Unknown);
    }

    /// <summary><c>service.action.*.remoteIpDetails</c> (or the first port probe's), IPv4 else IPv6.</summary>
    private static string? RemoteIp(JsonElement service)
    {
        if (service.Prop(F.Action) is not { ValueKind: JsonValueKind.Object } action)
        {
            return null;
        }

        foreach (var kind in action.EnumerateObject())
        {
            var details = kind.Value.Prop(F.RemoteIpDetails);
            if (details is null && kind.Value.Prop(F.PortProbeDetails) is { ValueKind: JsonValueKind.Array } probes && probes.GetArrayLength() > 0)
            {
                details = probes[0].Prop(F.RemoteIpDetails);
            }

            if (details is { } d && (d.NonEmpty(F.IpAddressV4) ?? d.NonEmpty(F.IpAddressV6)) is { } ip)
            {
                return ip;
            }
        }

        return null;
    }

    /// <summary><c>service.additionalInfo.userAgent</c> (a string, or an object with <c>fullUserAgent</c>), else the API call's.</summary>
    private static string? UserAgent(JsonElement service, JsonElement? apiCall) =>
        service.Path(F.AdditionalInfo, F.UserAgent) switch
        {
            { ValueKind: JsonValueKind.String } s when s.GetString() is { Length: > 0 } ua => ua,
            { ValueKind: JsonValueKind.Object } o when o.NonEmpty(F.FullUserAgent) is { } full => full,
            _ => apiCall is { } a ? a.NonEmpty(F.UserAgent) : null,
        };

    /// <summary>ATTACK_TACTIC / ATTACK_TECHNIQUE indicators: values are ids ("T1078", "T1078.004 ...") or names.</summary>
    private static void AddNative(MappingBuilder builder, JsonElement? indicators)
    {
        if (indicators is not { ValueKind: JsonValueKind.Array } list)
        {
            return;
        }

        foreach (var indicator in list.EnumerateArray())
        {
            var key = indicator.Str(F.Key);
            if (key is not (F.AttackTactic or F.AttackTechnique) || indicator.Prop(F.Values) is not { ValueKind: JsonValueKind.Array } values)
            {
                continue;
            }

            foreach (var v in values.EnumerateArray())
            {
                if (v.ValueKind != JsonValueKind.String || v.GetString() is not { Length: > 0 } text)
                {
                    continue;
                }

                if (key == F.AttackTactic)
                {
                    builder.AddTactic(text);
                }
                else
                {
                    builder.Add(TechniqueText(text), MappingSource.Native, NativeConfidence, "guardduty:" + F.AttackTechnique);
                }
            }
        }
    }

    /// <summary>The id at the start of the text, or the id of a technique named by it; the text itself otherwise (the builder notes it).</summary>
    private static string TechniqueText(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var end = trimmed.IndexOfAny(' ', ':', '-');
        var head = end < 0 ? trimmed : trimmed[..end];
        if (TechniqueId.TryParse(head.ToString(), out var id))
        {
            return id.Value;
        }

        return TechniquesByName.Value.TryGetValue(trimmed.ToString(), out var named) ? named.Value : text;
    }
}
