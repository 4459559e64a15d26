namespace CstmML.Scoring.Engine;

/// <summary>The points of the risk fusion (docs/scoring.md "Risk"). Each part is capped; the total is capped at 100.</summary>
public sealed record RiskWeights
{
    /// <summary>The defaults documented in docs/scoring.md.</summary>
    public static RiskWeights Default { get; } = new();

    /// <summary>Points for an anomaly score just above its baseline's threshold.</summary>
    public double AnomalyBase { get; init; } = 15;

    /// <summary>Points per factor of ten the tail probability falls below the threshold's (per unit of score).</summary>
    public double AnomalyPerDecade { get; init; } = 5;

    /// <summary>Most points the anomaly can add.</summary>
    public double AnomalyMax { get; init; } = 30;

    /// <summary>Points of a complete low | medium | high | critical playbook detection (scaled by completeness).</summary>
    public IReadOnlyList<double> PlaybookSeverity { get; init; } = [10, 20, 30, 40];

    /// <summary>Most points all playbook detections together can add.</summary>
    public double PlaybookMax { get; init; } = 50;

    /// <summary>Points at calibrated probability 1 of a named (not abstained) actor, corroborated by anomaly or playbook.</summary>
    public double ActorMax { get; init; } = 20;

    /// <summary>Points when the sequence moves at machine speed and reaches a high-impact tactic.</summary>
    public double AutomatedHighImpact { get; init; } = 10;
}
