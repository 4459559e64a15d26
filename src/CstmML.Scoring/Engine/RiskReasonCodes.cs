namespace CstmML.Scoring.Engine;

/// <summary>The stable codes of <see cref="Results.RiskReason"/> (contract strings; volume codes live in VolumeRiskReasons).</summary>
public static class RiskReasonCodes
{
    /// <summary>The sequence is anomalous against its baseline.</summary>
    public const string Anomaly = "anomaly";

    /// <summary>A playbook matched to its minimum.</summary>
    public const string Playbook = "playbook";

    /// <summary>A named actor hypothesis, corroborated by anomaly or playbook.</summary>
    public const string Actor = "actor";

    /// <summary>Machine-speed activity reaching a high-impact tactic.</summary>
    public const string AutomatedHighImpact = "automated_high_impact";
}
