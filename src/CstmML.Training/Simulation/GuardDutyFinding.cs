using System.Globalization;
using System.Text.Json;
using CstmML.Core.Hashing;

namespace CstmML.Training.Simulation;

/// <summary>
/// Writes a GuardDuty finding inside an EventBridge event (<c>detail-type: GuardDuty Finding</c>), following the shape
/// of training-data/reference/samples/guardduty_finding_samples.json (schemaVersion 2.0).
/// </summary>
internal static class GuardDutyFinding
{
    public static void Write(Utf8JsonWriter w, SimAlert a)
    {
        var id = a.Identity;
        var (severity, shape, title) = AlertCatalog.GuardDuty.TryGetValue(a.Type, out var meta) ? meta : (5.0, GuardDutyShape.ApiCall, a.Type);
        var detector = Hex32("detector/" + id.Account);
        w.WriteStartObject();
        w.WriteString("version", "0");
        w.WriteString("id", GuidFrom("event/" + a.Id));
        w.WriteString("detail-type", "GuardDuty Finding");
        w.WriteString("source", "aws.guardduty");
        w.WriteString("account", id.Account);
        w.WriteString("time", Tenancy.Iso(a.Created));
        w.WriteString("region", a.Region);
        w.WriteStartArray("resources");
        w.WriteEndArray();
        w.WriteStartObject("detail");
        w.WriteString("schemaVersion", "2.0");
        w.WriteString("accountId", id.Account);
        w.WriteString("region", a.Region);
        w.WriteString("partition", "aws");
        w.WriteString("id", a.Id);
        w.WriteString("arn", $"arn:aws:guardduty:{a.Region}:{id.Account}:detector/{detector}/finding/{a.Id}");
        w.WriteString("type", a.Type);
        WriteResource(w, a, shape);
        w.WriteStartObject("service");
        w.WriteString("serviceName", "guardduty");
        w.WriteString("detectorId", detector);
        WriteAction(w, a, shape);
        w.WriteString("resourceRole", shape == GuardDutyShape.Network && a.IncidentId is null ? "TARGET" : shape == GuardDutyShape.ApiCall ? "TARGET" : "ACTOR");
        w.WriteStartObject("additionalInfo");
        w.WriteString("value", "{}");
        w.WriteString("type", "default");
        if (shape == GuardDutyShape.ApiCall && a.UserAgent.Length > 0)
        {
            w.WriteStartObject("userAgent");
            w.WriteString("fullUserAgent", a.UserAgent);
            w.WriteString("userAgentCategory", a.UserAgent.StartsWith("Mozilla", StringComparison.Ordinal) ? "Browser" : "Other");
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (shape == GuardDutyShape.Runtime)
        {
            w.WriteStartObject("runtimeDetails");
            w.WriteStartObject("process");
            var miner = a.Type.Contains("Crypto", StringComparison.Ordinal);
            w.WriteString("name", miner ? "kdevtmpfsi" : "kinsing");
            w.WriteString("executablePath", miner ? "/tmp/kdevtmpfsi" : "/etc/kinsing");
            w.WriteNumber("pid", 1000 + (int)(StableHash.Fnv1a64(a.Id) % 30000));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteString("eventFirstSeen", Tenancy.Iso(a.Time.AddSeconds(-(a.Count - 1) * 20)));
        w.WriteString("eventLastSeen", Tenancy.Iso(a.Time));
        w.WriteBoolean("archived", false);
        w.WriteNumber("count", a.Count);
        w.WriteEndObject();
        w.WriteNumber("severity", severity);
        w.WriteString("createdAt", Tenancy.IsoMillis(a.Created));
        w.WriteString("updatedAt", Tenancy.IsoMillis(a.Created));
        w.WriteString("title", title);
        w.WriteString("description", title);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter w, SimAlert a, GuardDutyShape shape)
    {
        var id = a.Identity;
        w.WriteStartObject("resource");
        if (shape == GuardDutyShape.ApiCall)
        {
            w.WriteString("resourceType", "AccessKey");
            w.WriteStartObject("accessKeyDetails");
            var role = id.Kind == IdentityKind.AwsRole;
            w.WriteString("accessKeyId", a.AccessKeyId.Length > 0 ? a.AccessKeyId : "ASIA" + Hex32(a.Id)[..16].ToUpperInvariant());
            w.WriteString("principalId", role ? id.PrincipalId + ":" + (a.SessionName.Length > 0 ? a.SessionName : id.InstanceId) : id.PrincipalId);
            w.WriteString("userType", role ? "AssumedRole" : "IAMUser");
            w.WriteString("userName", id.Name);
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("resourceType", "Instance");
            w.WriteStartObject("instanceDetails");
            w.WriteString("instanceId", id.Kind == IdentityKind.AwsRole ? id.InstanceId : "i-0" + Hex32(a.Id)[..16]);
            w.WriteString("instanceType", id.Kind == IdentityKind.AwsRole ? "m5.large" : "c5a.24xlarge");
            w.WriteString("availabilityZone", a.Region + "a");
            w.WriteString("imageId", "ami-0" + Hex32(id.Account + a.Region)[..16]);
            w.WriteString("instanceState", "running");
            if (id.Kind == IdentityKind.AwsRole)
            {
                w.WriteStartObject("iamInstanceProfile");
                w.WriteString("arn", $"arn:aws:iam::{id.Account}:instance-profile/{id.Name}");
                w.WriteString("id", "AIPA" + id.PrincipalId[4..]);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteAction(Utf8JsonWriter w, SimAlert a, GuardDutyShape shape)
    {
        if (shape == GuardDutyShape.Runtime)
        {
            return;
        }

        w.WriteStartObject("action");
        switch (shape)
        {
            case GuardDutyShape.ApiCall:
                w.WriteString("actionType", "AWS_API_CALL");
                w.WriteStartObject("awsApiCallAction");
                w.WriteString("api", a.Api);
                w.WriteString("serviceName", a.ApiService);
                w.WriteString("callerType", "Remote IP");
                WriteRemoteIp(w, a.SourceIp);
                w.WriteStartObject("affectedResources");
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case GuardDutyShape.Dns:
                w.WriteString("actionType", "DNS_REQUEST");
                w.WriteStartObject("dnsRequestAction");
                w.WriteString("domain", a.Type.StartsWith("Backdoor", StringComparison.Ordinal) ? "sbin.su-update.example" : "pool.supportxmr.com");
                w.WriteString("protocol", "UDP");
                w.WriteBoolean("blocked", false);
                w.WriteEndObject();
                break;
            default:
                var outbound = a.IncidentId is not null;
                w.WriteString("actionType", "NETWORK_CONNECTION");
                w.WriteStartObject("networkConnectionAction");
                w.WriteString("connectionDirection", outbound ? "OUTBOUND" : "INBOUND");
                WriteRemoteIp(w, a.SourceIp);
                var port = a.Type.Contains("PortProbe", StringComparison.Ordinal) ? 3389 : 22;
                w.WriteStartObject("remotePortDetails");
                w.WriteNumber("port", outbound ? port : 40000 + (int)(StableHash.Fnv1a64(a.Id) % 20000));
                w.WriteString("portName", outbound ? (port == 22 ? "SSH" : "RDP") : "Unknown");
                w.WriteEndObject();
                w.WriteStartObject("localPortDetails");
                w.WriteNumber("port", outbound ? 40000 + (int)(StableHash.Fnv1a64(a.Id) % 20000) : port);
                w.WriteString("portName", outbound ? "Unknown" : (port == 22 ? "SSH" : "RDP"));
                w.WriteEndObject();
                w.WriteString("protocol", "TCP");
                w.WriteBoolean("blocked", false);
                w.WriteEndObject();
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteRemoteIp(Utf8JsonWriter w, string ip)
    {
        var (asn, org, country) = IpOrganization.Of(ip);
        w.WriteStartObject("remoteIpDetails");
        w.WriteString("ipAddressV4", ip);
        w.WriteStartObject("organization");
        w.WriteString("asn", asn);
        w.WriteString("asnOrg", org);
        w.WriteString("isp", org);
        w.WriteString("org", org);
        w.WriteEndObject();
        w.WriteStartObject("country");
        w.WriteString("countryName", country);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Hex32(string text)
    {
        var h = StableHash.Fnv1a64(text);
        return h.ToString("x16", CultureInfo.InvariantCulture) + (h * 0x9E3779B97F4A7C15UL).ToString("x16", CultureInfo.InvariantCulture);
    }

    private static string GuidFrom(string text)
    {
        var hex = Hex32(text);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..32]}";
    }
}
