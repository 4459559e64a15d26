using System.Text.Json;

namespace CstmML.Training.Simulation;

/// <summary>Writes a Defender for Cloud alert as a Log Analytics <c>SecurityAlert</c> row (Entities and Techniques are JSON strings).</summary>
internal static class DefenderAlertRow
{
    public static void Write(Utf8JsonWriter w, SimAlert a)
    {
        var id = a.Identity;
        var (name, severity, tactics, techniques) = AlertCatalog.Defender.TryGetValue(a.Type, out var meta) ? meta : (a.Type, "Medium", string.Empty, []);
        var resourceId = $"/subscriptions/{id.Account}";
        var sp = id.Kind == IdentityKind.AzureServicePrincipal;
        var at = id.Name.IndexOf('@', StringComparison.Ordinal);
        w.WriteStartObject();
        w.WriteString("TenantId", id.Directory);
        w.WriteString("TimeGenerated", Tenancy.IsoMillis(a.Created));
        w.WriteString("DisplayName", name);
        w.WriteString("AlertName", name);
        w.WriteString("AlertSeverity", severity);
        w.WriteString("Description", name + ".");
        w.WriteString("ProviderName", "Azure Security Center");
        w.WriteString("VendorName", "Microsoft");
        w.WriteString("VendorOriginalId", a.Id.ToUpperInvariant());
        w.WriteString("SystemAlertId", a.Id);
        w.WriteString("ResourceId", resourceId);
        w.WriteString("SourceComputerId", string.Empty);
        w.WriteString("AlertType", a.Type);
        w.WriteString("ConfidenceLevel", string.Empty);
        w.WriteNull("ConfidenceScore");
        w.WriteBoolean("IsIncident", false);
        w.WriteString("StartTime", Tenancy.IsoMillis(a.Time));
        w.WriteString("EndTime", Tenancy.IsoMillis(a.Time.AddMinutes(a.Count)));
        w.WriteString("ProcessingEndTime", Tenancy.IsoMillis(a.Created));
        w.WriteString("RemediationSteps", "[]");
        w.WriteString("ExtendedProperties", JsonOut.ToJsonString(x =>
        {
            x.WriteStartObject();
            x.WriteString("Client IP address", a.SourceIp);
            x.WriteString("Client location", IpOrganization.Of(a.SourceIp).Country);
            x.WriteString("User agent", a.UserAgent);
            x.WriteString("Client principal name", id.Name);
            x.WriteString("Client application id", sp ? id.PrincipalId : string.Empty);
            x.WriteString("resourceType", "Subscription");
            x.WriteEndObject();
        }));
        w.WriteString("Entities", JsonOut.ToJsonString(x =>
        {
            x.WriteStartArray();
            x.WriteStartObject();
            x.WriteString("$id", "2");
            x.WriteString("Name", at > 0 ? id.Name[..at] : id.Name);
            if (at > 0)
            {
                x.WriteString("UPNSuffix", id.Name[(at + 1)..]);
            }

            x.WriteString("AadTenantId", id.Directory);
            x.WriteString("AadUserId", id.PrincipalId);
            x.WriteBoolean("IsDomainJoined", false);
            x.WriteString("Type", "account");
            x.WriteEndObject();
            x.WriteStartObject();
            x.WriteString("$id", "3");
            x.WriteString("Address", a.SourceIp);
            x.WriteString("Type", "ip");
            x.WriteEndObject();
            x.WriteStartObject();
            x.WriteString("$id", "4");
            x.WriteString("ResourceId", resourceId);
            x.WriteString("Type", "azure-resource");
            x.WriteEndObject();
            x.WriteEndArray();
        }));
        w.WriteString("SourceSystem", "Detection");
        w.WriteString("WorkspaceSubscriptionId", id.Account);
        w.WriteString("WorkspaceResourceGroup", "security-rg");
        w.WriteString("ExtendedLinks", string.Empty);
        w.WriteString("ProductName", "Azure Security Center");
        w.WriteString("ProductComponentName", "Resource Manager");
        w.WriteString("AlertLink", string.Empty);
        w.WriteString("Status", "New");
        w.WriteString("CompromisedEntity", id.Name);
        w.WriteString("Tactics", tactics);
        w.WriteString("Techniques", JsonOut.ToJsonString(x =>
        {
            x.WriteStartArray();
            foreach (var t in techniques)
            {
                x.WriteStringValue(t);
            }

            x.WriteEndArray();
        }));
        w.WriteString("SubTechniques", string.Empty);
        w.WriteString("Type", "SecurityAlert");
        w.WriteEndObject();
    }
}
