namespace CstmML.Ingestion.Identity;

/// <summary>JSON field names and identity-type values of CloudTrail <c>userIdentity</c> and GuardDuty <c>accessKeyDetails</c>.</summary>
internal static class AwsIdentityFields
{
    public const string Type = "type";
    public const string Arn = "arn";
    public const string AccountId = "accountId";
    public const string PrincipalId = "principalId";
    public const string UserName = "userName";
    public const string InvokedBy = "invokedBy";
    public const string IdentityProvider = "identityProvider";
    public const string SessionContext = "sessionContext";
    public const string SessionIssuer = "sessionIssuer";
    public const string OnBehalfOf = "onBehalfOf";
    public const string UserId = "userId";
    public const string IdentityStoreArn = "identityStoreArn";
    public const string AccessKeyId = "accessKeyId";

    /// <summary>GuardDuty <c>resource.accessKeyDetails.userType</c>.</summary>
    public const string UserType = "userType";

    public const string AssumedRole = "AssumedRole";
    public const string IamUser = "IAMUser";
    public const string Root = "Root";
    public const string AwsService = "AWSService";
    public const string AwsAccount = "AWSAccount";
    public const string FederatedUser = "FederatedUser";
    public const string IdentityCenterUser = "IdentityCenterUser";
    public const string SamlUser = "SAMLUser";
    public const string WebIdentityUser = "WebIdentityUser";
    public const string Role = "Role";
}
