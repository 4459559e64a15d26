using CstmML.Features.Featurization;
using CstmML.Features.Velocity;

namespace CstmML.Scoring.Engine;

/// <summary>Options of <see cref="ScoringEngine"/>; every default is documented in docs/scoring.md.</summary>
public sealed record ScoringEngineOptions
{
    /// <summary>
    /// The playbook library folder. Null (default): the model folder's <c>playbooks/</c> when it has one, else the
    /// <c>playbooks/</c> folder next to the model folder (<c>models/playbooks</c> for <c>models/default</c>).
    /// </summary>
    public string? PlaybooksDirectory { get; init; }

    /// <summary>The featurizer's schema; must match the model's manifest. Default: <see cref="FeatureSchema.Default"/>.</summary>
    public FeatureSchema? Schema { get; init; }

    /// <summary>IP reputation used by the featurizer (same as at training time); null: none.</summary>
    public IIpReputation? IpReputation { get; init; }

    /// <summary>Velocity class thresholds; null: <see cref="VelocityThresholds.Default"/>.</summary>
    public VelocityThresholds? VelocityThresholds { get; init; }

    /// <summary>Weights of the risk fusion; default: <see cref="RiskWeights.Default"/>.</summary>
    public RiskWeights Risk { get; init; } = RiskWeights.Default;
}
