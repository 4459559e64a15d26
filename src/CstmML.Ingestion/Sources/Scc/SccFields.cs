namespace CstmML.Ingestion.Sources.Scc;

/// <summary>The JSON field names of Security Command Center findings and their wrappers (a contract: keep them in one place).</summary>
internal static class SccFields
{
    // Wrappers: ListFindings element / Pub/Sub notification, and the Pub/Sub push envelope.
    public const string Finding = "finding";
    public const string Resource = "resource";
    public const string NotificationConfigName = "notificationConfigName";
    public const string Message = "message";
    public const string Data = "data";
    public const string Subscription = "subscription";

    // Finding.
    public const string Name = "name";
    public const string Parent = "parent";
    public const string ResourceName = "resourceName";
    public const string Category = "category";
    public const string EventTime = "eventTime";
    public const string CreateTime = "createTime";
    public const string Severity = "severity";
    public const string FindingClass = "findingClass";
    public const string State = "state";
    public const string MitreAttack = "mitreAttack";
    public const string PrimaryTactic = "primaryTactic";
    public const string PrimaryTechniques = "primaryTechniques";
    public const string AdditionalTactics = "additionalTactics";
    public const string AdditionalTechniques = "additionalTechniques";
    public const string Access = "access";
    public const string PrincipalEmail = "principalEmail";
    public const string PrincipalSubject = "principalSubject";
    public const string CallerIp = "callerIp";
    public const string ServiceName = "serviceName";
    public const string UserAgent = "userAgent";
    public const string UserAgentFamily = "userAgentFamily";

    // Resource (v1 projectName/projectDisplayName, v2 project and gcpMetadata.*).
    public const string Project = "project";
    public const string ProjectName = "projectName";
    public const string ProjectDisplayName = "projectDisplayName";
    public const string GcpMetadata = "gcpMetadata";
    public const string Location = "location";

    /// <summary>The principal prefix used when a finding names no identity and the resource stands in for it.</summary>
    public const string ResourcePrincipalPrefix = "gcp:resource:";
}
