namespace CstmML.Core.Alerts;

/// <summary>The principal_type values every source uses (a contract: other tools read them).</summary>
public static class PrincipalTypes
{
    public const string Role = "role";
    public const string User = "user";
    public const string Root = "root";
    public const string Service = "service";
    public const string Federated = "federated";
    public const string ServiceAccount = "service_account";
    public const string Application = "application";
    public const string Unknown = "unknown";
}
