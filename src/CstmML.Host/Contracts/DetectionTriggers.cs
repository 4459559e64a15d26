namespace CstmML.Host.Contracts;

/// <summary>Why a detection fired (values of <see cref="Detection.Trigger"/>).</summary>
public static class DetectionTriggers
{
    public const string PlaybookCompleted = "playbook_completed";
    public const string RiskThreshold = "risk_threshold";
}
