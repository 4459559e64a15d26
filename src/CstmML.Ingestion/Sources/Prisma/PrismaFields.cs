namespace CstmML.Ingestion.Sources.Prisma;

/// <summary>The JSON field names of Prisma Cloud alert API objects (a contract: keep them in one place).</summary>
internal static class PrismaFields
{
    public const string Id = "id";
    public const string Status = "status";
    public const string AlertTime = "alertTime";
    public const string EventOccurred = "eventOccurred";
    public const string FirstSeen = "firstSeen";
    public const string LastSeen = "lastSeen";
    public const string PolicyId = "policyId";

    public const string Policy = "policy";
    public const string PolicyName = "name";
    public const string PolicyType = "policyType";
    public const string Severity = "severity";
    public const string ComplianceMetadata = "complianceMetadata";
    public const string StandardName = "standardName";
    public const string RequirementId = "requirementId";
    public const string RequirementName = "requirementName";
    public const string SectionId = "sectionId";
    public const string SectionLabel = "sectionLabel";
    public const string SectionDescription = "sectionDescription";

    public const string Resource = "resource";
    public const string Rrn = "rrn";
    public const string ResourceId = "id";
    public const string AccountId = "accountId";
    public const string Account = "account";
    public const string CloudType = "cloudType";
    public const string RegionId = "regionId";
    public const string Region = "region";
    public const string Data = "data";

    // Identity fields looked for in resource.data (audit-event alerts carry the provider's event there).
    public const string UserIdentity = "userIdentity";
    public const string Arn = "arn";
    public const string Caller = "caller";
    public const string PrincipalEmail = "principalEmail";
    public const string AuthenticationInfo = "authenticationInfo";
    public const string ProtoPayload = "protoPayload";
    public const string User = "user";
    public const string UserName = "userName";
    public const string SourceIpAddress = "sourceIPAddress";
    public const string CallerIpAddress = "callerIpAddress";
    public const string RequestMetadata = "requestMetadata";
    public const string CallerIp = "callerIp";
    public const string UserAgent = "userAgent";

    /// <summary>A compliance standard whose name contains this is read as ATT&amp;CK evidence.</summary>
    public const string MitreStandardMarker = "MITRE ATT&CK";

    /// <summary>The principal prefix used when an alert names no identity and the resource stands in for it.</summary>
    public const string ResourcePrincipalPrefix = "prisma:resource:";
}
