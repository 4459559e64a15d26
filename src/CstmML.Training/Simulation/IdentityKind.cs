namespace CstmML.Training.Simulation;

/// <summary>What kind of principal a simulated identity is (decides the userIdentity / entity shape).</summary>
internal enum IdentityKind
{
    AwsRole,
    AwsUser,
    AzureUser,
    AzureServicePrincipal,
    GcpUser,
    GcpServiceAccount,
}
