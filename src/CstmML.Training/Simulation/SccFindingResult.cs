using System.Text.Json;

namespace CstmML.Training.Simulation;

/// <summary>Writes one SCC <c>listFindingsResults</c> element: <c>{"finding": {...}, "resource": {...}}</c>.</summary>
internal static class SccFindingResult
{
    private const string SourceId = "7261839482719374620";

    public static void Write(Utf8JsonWriter w, SimAlert a)
    {
        var id = a.Identity;
        var (severity, tactic, techniques, service, method) = AlertCatalog.Scc.TryGetValue(a.Type, out var meta) ? meta : ("MEDIUM", "TACTIC_UNSPECIFIED", [], "cloudresourcemanager.googleapis.com", "GetProject");
        var project = "//cloudresourcemanager.googleapis.com/projects/" + id.ProjectNumber;
        w.WriteStartObject();
        w.WriteStartObject("finding");
        w.WriteString("name", $"organizations/{id.Directory}/sources/{SourceId}/findings/{a.Id}");
        w.WriteString("canonicalName", $"projects/{id.ProjectNumber}/sources/{SourceId}/findings/{a.Id}");
        w.WriteString("parent", $"organizations/{id.Directory}/sources/{SourceId}");
        w.WriteString("resourceName", project);
        w.WriteString("state", "ACTIVE");
        w.WriteString("category", a.Type);
        w.WriteStartObject("sourceProperties");
        w.WriteStartObject("detectionCategory");
        w.WriteString("ruleName", a.Type.Split(": ")[^1].ToLowerInvariant().Replace(' ', '_'));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("eventTime", Tenancy.IsoMillis(a.Time));
        w.WriteString("createTime", Tenancy.IsoMillis(a.Created));
        w.WriteString("severity", severity);
        w.WriteString("findingClass", "THREAT");
        w.WriteStartObject("mitreAttack");
        w.WriteString("primaryTactic", tactic);
        w.WriteStartArray("primaryTechniques");
        foreach (var t in techniques)
        {
            w.WriteStringValue(t);
        }

        w.WriteEndArray();
        w.WriteString("version", "8");
        w.WriteEndObject();
        w.WriteStartObject("access");
        w.WriteString("principalEmail", id.Name);
        w.WriteString("callerIp", a.SourceIp);
        w.WriteStartObject("callerIpGeo");
        w.WriteString("regionCode", IpOrganization.Of(a.SourceIp).Country == "United States" ? "US" : "NL");
        w.WriteEndObject();
        w.WriteString("serviceName", service);
        w.WriteString("methodName", method);
        w.WriteString("userAgent", a.UserAgent);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("resource");
        w.WriteString("name", project);
        w.WriteString("projectName", project);
        w.WriteString("projectDisplayName", id.Account);
        w.WriteString("parentName", "//cloudresourcemanager.googleapis.com/organizations/" + id.Directory);
        w.WriteString("parentDisplayName", Tenancy.Domain);
        w.WriteString("type", "google.cloud.resourcemanager.Project");
        w.WriteString("displayName", id.Account);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
