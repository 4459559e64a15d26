using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;

namespace CstmML.Playbooks.Tests.Fixtures;

/// <summary>
/// TEST-ONLY stand-in for the ingestion pipeline: turns the raw fixture files (CloudTrail <c>Records</c>, GuardDuty
/// finding arrays, Defender ARM alert lists) into NormalizedAlerts with just the fields playbooks read. It maps no
/// techniques for CloudTrail or GuardDuty (Defender's native ones are kept). Replace with the real
/// CstmML.Ingestion reader at merge; the fixtures are written to the providers' public schemas so both agree.
/// </summary>
internal static partial class RawRecordAdapter
{
    public static IEnumerable<NormalizedAlert> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var list = new List<NormalizedAlert>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Records", out var records))
        {
            var i = 0;
            foreach (var r in records.EnumerateArray())
            {
                list.Add(CloudTrail(r, new RawRef(path, 1, i++)));
            }
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var alerts))
        {
            var i = 0;
            foreach (var a in alerts.EnumerateArray())
            {
                list.Add(Defender(a, new RawRef(path, 1, i++)));
            }
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var f in root.EnumerateArray())
            {
                list.Add(GuardDuty(f, new RawRef(path, 1, i++)));
            }
        }
        else
        {
            throw new InvalidDataException($"{path}: not a CloudTrail Records file, a GuardDuty finding array or a Defender alert list");
        }

        return list;
    }

    private static NormalizedAlert CloudTrail(JsonElement r, RawRef raw)
    {
        var identity = r.GetProperty("userIdentity");
        var type = Str(identity, "type");
        var principal = type == "AssumedRole"
            ? identity.GetProperty("sessionContext").GetProperty("sessionIssuer").GetProperty("arn").GetString()!
            : Str(identity, "arn") ?? Str(identity, "principalId") ?? "unknown";
        var error = Str(r, "errorCode");
        return new NormalizedAlert
        {
            Id = Str(r, "eventID")!,
            Time = DateTimeOffset.Parse(Str(r, "eventTime")!, CultureInfo.InvariantCulture),
            Provider = CloudProvider.Aws,
            Product = AlertProduct.CloudTrail,
            Type = LambdaVersion().Replace(Str(r, "eventName")!, string.Empty),
            Service = Str(r, "eventSource"),
            Principal = principal,
            PrincipalType = type == "AssumedRole" ? PrincipalTypes.Role : PrincipalTypes.User,
            Account = Str(r, "recipientAccountId") ?? string.Empty,
            Region = Str(r, "awsRegion"),
            SourceIp = Str(r, "sourceIPAddress"),
            UserAgent = Str(r, "userAgent"),
            Outcome = error ?? Outcomes.Success,
            RawRef = raw,
        };
    }

    private static NormalizedAlert GuardDuty(JsonElement f, RawRef raw)
    {
        var account = Str(f, "accountId") ?? string.Empty;
        var resource = f.GetProperty("resource");
        var principal = $"{Str(resource, "resourceType")}:unknown";
        if (resource.TryGetProperty("accessKeyDetails", out var key))
        {
            principal = Str(key, "userType") switch
            {
                "AssumedRole" => $"arn:aws:iam::{account}:role/{Str(key, "userName")}",
                "Root" => $"arn:aws:iam::{account}:root",
                _ => $"arn:aws:iam::{account}:user/{Str(key, "userName")}",
            };
        }
        else if (resource.TryGetProperty("instanceDetails", out var inst) && inst.TryGetProperty("iamInstanceProfile", out var profile))
        {
            principal = Str(profile, "arn")!;
        }

        var service = f.GetProperty("service");
        return new NormalizedAlert
        {
            Id = Str(f, "id")!,
            Time = DateTimeOffset.Parse(Str(service, "eventLastSeen") ?? Str(f, "updatedAt")!, CultureInfo.InvariantCulture),
            Provider = CloudProvider.Aws,
            Product = AlertProduct.GuardDuty,
            Type = Str(f, "type")!,
            Principal = principal,
            Account = account,
            Region = Str(f, "region"),
            Severity = f.GetProperty("severity").GetDouble(),
            RawRef = raw,
        };
    }

    private static NormalizedAlert Defender(JsonElement a, RawRef raw)
    {
        var p = a.GetProperty("properties");
        var id = Str(a, "id")!;
        var sub = id.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["subscriptions", var s, ..] ? s : string.Empty;
        var techniques = new List<TechniqueId>();
        foreach (var name in new[] { "techniques", "subTechniques" })
        {
            if (p.TryGetProperty(name, out var arr))
            {
                foreach (var t in arr.EnumerateArray())
                {
                    if (AttackCatalog.Pinned.Normalize(t.GetString()).Id is { } tid)
                    {
                        techniques.Add(tid);
                    }
                }
            }
        }

        var principal = Str(p, "compromisedEntity") ?? "unknown";
        foreach (var e in p.TryGetProperty("entities", out var ents) ? ents.EnumerateArray() : default)
        {
            if (Str(e, "type") == "account" && (Str(e, "aadUserId") ?? Str(e, "objectId")) is { } oid)
            {
                principal = oid;
                break;
            }
        }

        var distinct = techniques.Distinct().Order().ToArray();
        return new NormalizedAlert
        {
            Id = Str(a, "name")!,
            Time = DateTimeOffset.Parse(Str(p, "startTimeUtc") ?? Str(p, "timeGeneratedUtc")!, CultureInfo.InvariantCulture),
            Provider = CloudProvider.Azure,
            Product = AlertProduct.Defender,
            Type = Str(p, "alertType")!,
            Principal = principal,
            Account = sub,
            Techniques = distinct,
            Tactics = AttackCatalog.Pinned.TacticsOf(distinct),
            RawRef = raw,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"\d{8}(v\d+)?$")]
    private static partial Regex LambdaVersion();
}
