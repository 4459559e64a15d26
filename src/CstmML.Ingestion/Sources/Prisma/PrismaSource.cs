using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Ingestion.Identity;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Mapping;
using F = CstmML.Ingestion.Sources.Prisma.PrismaFields;

namespace CstmML.Ingestion.Sources.Prisma;

/// <summary>
/// Prisma Cloud (CSPM) alerts as returned by the alert API (<c>GET /alert</c>, <c>POST /v2/alert</c> items).
/// Stateless and thread-safe; see README.md in this folder for the field mapping.
/// </summary>
internal sealed partial class PrismaSource : IAlertSource
{
    /// <summary>The <c>--format</c> name.</summary>
    public const string FormatName = "prisma";

    private PrismaSource()
    {
    }

    /// <summary>The shared instance.</summary>
    public static IAlertSource Instance { get; } = new PrismaSource();

    public string Name => FormatName;

    public CloudProvider Provider => CloudProvider.Prisma;

    public AlertProduct Product => AlertProduct.Prisma;

    public IReadOnlyList<KnownAlertType> KnownTypes => PrismaMappings.Default.KnownTypes;

    public bool Matches(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object &&
        record.Prop(F.Policy)?.ValueKind == JsonValueKind.Object &&
        record.Prop(F.Resource)?.ValueKind == JsonValueKind.Object &&
        (record.Prop(F.AlertTime) is not null || record.Prop(F.FirstSeen) is not null);

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        ArgumentNullException.ThrowIfNull(rawRef);
        try
        {
            return Matches(record)
                ? FromAlert(record, rawRef)
                : NormalizeResult.Fail($"not a Prisma Cloud alert: expected {F.Policy} and {F.Resource} objects and {F.AlertTime}");
        }
        catch (Exception ex)
        {
            // Bad input must never be fatal to the rest of the file.
            return NormalizeResult.Fail($"unexpected error reading the alert: {ex.Message}");
        }
    }

    [GeneratedRegex(@"\bT\d{4}(?:\.\d{3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TechniquePattern();

    [GeneratedRegex(@"\bTA\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex TacticPattern();

    private static NormalizeResult FromAlert(JsonElement r, RawRef rawRef)
    {
        // Audit-event alerts say when the event occurred; otherwise the alert time is the best event time there is.
        DateTimeOffset? time = null;
        foreach (var name in new[] { F.EventOccurred, F.AlertTime, F.FirstSeen })
        {
            if (r.Prop(name) is { } v)
            {
                time = ((JsonElement?)v).AsTime();
                if (time is null)
                {
                    return NormalizeResult.Fail($"'{(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())}' is not a timestamp (epoch milliseconds)", name);
                }

                break;
            }
        }

        if (time is null)
        {
            return NormalizeResult.Fail($"missing alert time ({F.AlertTime})", F.AlertTime);
        }

        var policy = r.Prop(F.Policy)!.Value;
        var resource = r.Prop(F.Resource)!.Value;
        var notes = new List<string>();
        var severityText = policy.Str(F.Severity);
        double severity;
        if (severityText is null)
        {
            // Non-detailed alert lists (v2 detailed=false) carry no policy severity: keep the alert, say so.
            notes.Add($"{F.Policy}.{F.Severity} missing; severity 0");
            severity = 0;
        }
        else if (PrismaMappings.Severity(severityText) is { } s)
        {
            severity = s;
        }
        else
        {
            return NormalizeResult.Fail($"unknown severity '{severityText}' (expected informational, low, medium, high or critical)", $"{F.Policy}.{F.Severity}");
        }

        var type = policy.NonEmpty(F.PolicyName) ?? policy.NonEmpty(F.PolicyId) ?? r.NonEmpty(F.PolicyId);
        if (type is null)
        {
            return NormalizeResult.Fail("missing policy name and policy id", $"{F.Policy}.{F.PolicyName}");
        }

        var b = new MappingBuilder();
        if (!AddCompliance(b, policy, out var fail))
        {
            return fail!;
        }

        PrismaMappings.Default.Apply(b, policy.Str(F.PolicyName));
        var (techniques, tactics, mapping) = b.Build();
        notes.AddRange(b.Notes);
        var data = resource.Prop(F.Data);
        var (principal, principalType, session) = Principal(data, resource);
        var alert = new NormalizedAlert
        {
            Id = r.NonEmpty(F.Id) ?? ContentId.For(r),
            Time = time.Value,
            Ingested = r.Prop(F.AlertTime).AsTime(),
            Provider = CloudProvider.Prisma,
            Product = AlertProduct.Prisma,
            Type = type,
            Principal = principal,
            PrincipalType = principalType,
            SessionName = session,
            Account = resource.NonEmpty(F.AccountId) ?? resource.NonEmpty(F.Account) ?? string.Empty,
            Region = resource.NonEmpty(F.RegionId) ?? resource.NonEmpty(F.Region),
            SourceIp = Ip(data?.Str(F.SourceIpAddress)) ?? Ip(data?.Str(F.CallerIpAddress)) ?? Ip(data?.Path(F.ProtoPayload, F.RequestMetadata, F.CallerIp).AsString()),
            UserAgent = data?.NonEmpty(F.UserAgent),
            Severity = severity,
            Service = resource.NonEmpty(F.CloudType)?.ToLowerInvariant(),
            Techniques = techniques,
            Tactics = tactics,
            Mapping = mapping,
            RawRef = rawRef,
        };
        return NormalizeResult.Ok(alert, notes);
    }

    private static bool AddCompliance(MappingBuilder b, JsonElement policy, out NormalizeResult? fail)
    {
        fail = null;
        const string Field = F.Policy + "." + F.ComplianceMetadata;
        if (policy.Prop(F.ComplianceMetadata) is not { } meta)
        {
            return true;
        }

        if (meta.ValueKind != JsonValueKind.Array)
        {
            fail = NormalizeResult.Fail($"{Field} must be an array, found {meta.ValueKind}", Field);
            return false;
        }

        foreach (var m in meta.EnumerateArray())
        {
            if (m.Str(F.StandardName) is not { } standard || !standard.Contains(F.MitreStandardMarker, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var text in new[] { m.Str(F.SectionId), m.Str(F.SectionLabel), m.Str(F.RequirementId), m.Str(F.SectionDescription) })
            {
                if (text is null)
                {
                    continue;
                }

                foreach (Match t in TechniquePattern().Matches(text))
                {
                    b.Add(t.Value, MappingSource.Native, PrismaMappings.ComplianceConfidence, $"{standard} {m.Str(F.RequirementId)} {m.Str(F.SectionId)}".TrimEnd());
                }

                foreach (Match t in TacticPattern().Matches(text))
                {
                    b.AddTactic(t.Value);
                }
            }

            // Requirements are often the tactic by name ("Initial Access"); only names ATT&CK knows are kept.
            if (AttackCatalog.Pinned.TryResolveTactic(m.Str(F.RequirementName), out var tactic))
            {
                b.AddTactic(tactic.Id.Value);
            }
        }

        return true;
    }

    private static (string Principal, string Type, string? Session) Principal(JsonElement? data, JsonElement resource)
    {
        if (data is { } d)
        {
            // An AWS event copied into the alert: the same canonical identity as the CloudTrail source gives it.
            if (d.Path(F.UserIdentity, F.Arn).AsString() is { Length: > 0 })
            {
                var aws = AwsPrincipal.FromUserIdentity(d.Prop(F.UserIdentity), null);
                return (aws.Principal, aws.Type, aws.SessionName);
            }

            if (d.NonEmpty(F.Caller) is { } caller && (AzurePrincipal.FromObjectId(caller) ?? AzurePrincipal.FromUpn(caller)) is { } az)
            {
                return (az, AzurePrincipal.TypeOf(az) == PrincipalTypes.User ? PrincipalTypes.User : PrincipalTypes.Unknown, null);
            }

            var email = d.NonEmpty(F.PrincipalEmail) ?? d.Path(F.ProtoPayload, F.AuthenticationInfo, F.PrincipalEmail).AsString()
                ?? d.Path(F.AuthenticationInfo, F.PrincipalEmail).AsString();
            if (GcpPrincipal.FromEmail(email) is { } gcp)
            {
                return (gcp, GcpPrincipal.TypeOf(gcp), null);
            }
        }

        var rrn = resource.NonEmpty(F.Rrn) ?? resource.NonEmpty(F.ResourceId);
        return (rrn is null ? F.ResourcePrincipalPrefix + "unknown" : F.ResourcePrincipalPrefix + rrn, PrincipalTypes.Unknown, null);
    }

    private static string? Ip(string? s) => s is not null && IPAddress.TryParse(s.Trim(), out var ip) ? ip.ToString() : null;
}
