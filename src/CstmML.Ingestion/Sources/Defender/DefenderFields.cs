namespace CstmML.Ingestion.Sources.Defender;

/// <summary>The JSON field names Defender for Cloud alerts use, per export shape (a contract: keep them in one place).</summary>
internal static class DefenderFields
{
    // Log Analytics / Sentinel SecurityAlert rows (PascalCase columns; Entities, ExtendedProperties, Techniques are JSON strings).
    public const string TimeGenerated = "TimeGenerated";
    public const string StartTime = "StartTime";
    public const string AlertName = "AlertName";
    public const string DisplayName = "DisplayName";
    public const string AlertType = "AlertType";
    public const string AlertSeverity = "AlertSeverity";
    public const string Tactics = "Tactics";
    public const string Techniques = "Techniques";
    public const string SubTechniques = "SubTechniques";
    public const string Entities = "Entities";
    public const string ExtendedProperties = "ExtendedProperties";
    public const string CompromisedEntity = "CompromisedEntity";
    public const string SystemAlertId = "SystemAlertId";
    public const string VendorOriginalId = "VendorOriginalId";
    public const string ProviderName = "ProviderName";
    public const string ResourceId = "ResourceId";
    public const string TenantId = "TenantId";

    // ARM Microsoft.Security/locations/alerts objects.
    public const string Id = "id";
    public const string Name = "name";
    public const string Properties = "properties";
    public const string ArmAlertType = "alertType";
    public const string ArmAlertDisplayName = "alertDisplayName";
    public const string ArmSystemAlertId = "systemAlertId";
    public const string ArmSeverity = "severity";
    public const string ArmIntent = "intent";
    public const string ArmTechniques = "techniques";
    public const string ArmSubTechniques = "subTechniques";
    public const string ArmTimeGenerated = "timeGeneratedUtc";
    public const string ArmStartTime = "startTimeUtc";
    public const string ArmCompromisedEntity = "compromisedEntity";
    public const string ArmEntities = "entities";
    public const string ArmResourceIdentifiers = "resourceIdentifiers";
    public const string ArmAzureResourceId = "azureResourceId";
    public const string ArmExtendedProperties = "extendedProperties";

    // Microsoft Graph security alerts_v2.
    public const string GraphProviderAlertId = "providerAlertId";
    public const string GraphTitle = "title";
    public const string GraphDetectorId = "detectorId";
    public const string GraphCategory = "category";
    public const string GraphMitreTechniques = "mitreTechniques";
    public const string GraphSeverity = "severity";
    public const string GraphCreated = "createdDateTime";
    public const string GraphFirstActivity = "firstActivityDateTime";
    public const string GraphEvidence = "evidence";
    public const string GraphTenantId = "tenantId";
    public const string GraphServiceSource = "serviceSource";
    public const string GraphODataType = "@odata.type";
    public const string GraphUserAccount = "userAccount";
    public const string GraphAzureAdUserId = "azureAdUserId";
    public const string GraphUserPrincipalName = "userPrincipalName";
    public const string GraphAppId = "appId";
    public const string GraphObjectId = "objectId";
    public const string GraphIpAddress = "ipAddress";
    public const string GraphResourceId = "resourceId";

    // Entities (Sentinel writes PascalCase, ARM camelCase: matched case-insensitively).
    public const string EntityType = "Type";
    public const string EntityAadUserId = "AadUserId";
    public const string EntityUpnSuffix = "UPNSuffix";
    public const string EntityName = "Name";
    public const string EntityAddress = "Address";
    public const string EntityResourceId = "ResourceId";
    public const string EntityTypeAccount = "account";
    public const string EntityTypeIp = "ip";
    public const string EntityTypeAzureResource = "azure-resource";

    // Extended property keys read (matched case-insensitively).
    public static readonly string[] ExtendedUserKeys = ["Caller", "User Principal Name", "Client Principal Name"];
    public static readonly string[] ExtendedAppKeys = ["Client Application Id", "Application Id", "App Id"];
    public static readonly string[] ExtendedServicePrincipalKeys = ["Service Principal Id", "Service principal object id"];
    public static readonly string[] ExtendedIpKeys = ["Client IP Address", "Client IP", "IP Address", "Attacker IP"];
    public static readonly string[] ExtendedUserAgentKeys = ["User Agent", "UserAgent"];

    /// <summary>Tactic values Defender writes when it has none to give.</summary>
    public static readonly string[] NoTactic = ["Unknown", "None", ""];
}
