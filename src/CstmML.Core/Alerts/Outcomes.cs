namespace CstmML.Core.Alerts;

/// <summary>Well-known outcome values.</summary>
public static class Outcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
}
