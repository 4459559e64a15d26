using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Features.Velocity;
using CstmML.Playbooks.Matching;
using CstmML.Scoring.Results;
using CstmML.Scoring.Volume;

namespace CstmML.Scoring.Engine;

/// <summary>
/// Fuses the parts of a result into a 0-100 risk: a sum of capped, monotone points, each one a <see cref="RiskReason"/>
/// (docs/scoring.md "Risk"). Points never decrease when a part's evidence grows.
/// </summary>
public static class RiskFusion
{
    /// <summary>Tactics whose reach at machine speed adds points: privilege escalation, defense evasion, credential access, exfiltration, impact.</summary>
    public static IReadOnlySet<string> HighImpactTactics { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "TA0004", "TA0005", "TA0006", "TA0010", "TA0040",
    };

    /// <summary>The risk of one sequence from its parts.</summary>
    public static RiskResult Fuse(
        AnomalyResult? anomaly,
        IReadOnlyList<PlaybookDetection> playbooks,
        ActorResult? actor,
        VelocityProfile velocity,
        IReadOnlyList<TacticId> tacticChain,
        IReadOnlyList<VolumeFinding> volume,
        RiskWeights weights)
    {
        ArgumentNullException.ThrowIfNull(playbooks);
        ArgumentNullException.ThrowIfNull(velocity);
        ArgumentNullException.ThrowIfNull(tacticChain);
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(weights);
        var reasons = new List<RiskReason>();
        if (anomaly is { IsAnomalous: true })
        {
            var points = Math.Min(weights.AnomalyMax, weights.AnomalyBase + (weights.AnomalyPerDecade * (anomaly.Score - anomaly.Threshold)));
            reasons.Add(new RiskReason(RiskReasonCodes.Anomaly, Round(points), Invariant(
                $"anomalous against the {Level(anomaly)} baseline {anomaly.BaselineKey}: tail probability {Math.Pow(10, -anomaly.Score):0.##E+0} (score {anomaly.Score:0.00} > threshold {anomaly.Threshold:0.00})")));
        }

        var playbookBudget = weights.PlaybookMax;
        foreach (var d in playbooks.OrderByDescending(d => d.Severity).ThenByDescending(d => d.StepsMatched).ThenBy(d => d.PlaybookId, StringComparer.Ordinal))
        {
            // Completeness scales the severity's points from half (minimum reached) to all (every step).
            var full = weights.PlaybookSeverity[Math.Clamp((int)d.Severity, 0, weights.PlaybookSeverity.Count - 1)];
            var completeness = d.StepsTotal == 0 ? 1.0 : (double)d.StepsMatched / d.StepsTotal;
            var points = Math.Min(playbookBudget, full * (0.5 + (0.5 * completeness)));
            if (points <= 0)
            {
                continue;
            }

            playbookBudget -= points;
            var severity = d.Severity.ToString().ToLowerInvariant();
            reasons.Add(new RiskReason(RiskReasonCodes.Playbook, Round(points), Invariant(
                $"playbook {d.PlaybookId} ({d.Actor}, {severity}) matched {d.StepsMatched}/{d.StepsTotal} steps")));
        }

        var corroborated = anomaly is { IsAnomalous: true } || playbooks.Count > 0;
        if (actor is { Abstained: false } a && corroborated)
        {
            reasons.Add(new RiskReason(RiskReasonCodes.Actor, Round(weights.ActorMax * a.Probability), Invariant(
                $"actor hypothesis {a.Label} with calibrated probability {a.Probability:0.00}")));
        }

        if (velocity.Class == VelocityClass.Automated)
        {
            // The chain repeats tactics in event order; the reason names each reached tactic once, in kill-chain order.
            var reached = AttackCatalog.Pinned.OrderTactics(tacticChain.Where(t => HighImpactTactics.Contains(t.Value))).Select(t => t.Value).ToArray();
            if (reached.Length > 0)
            {
                reasons.Add(new RiskReason(RiskReasonCodes.AutomatedHighImpact, weights.AutomatedHighImpact, Invariant(
                    $"automated pace ({velocity.EventsPerMinute:0.#} events/min) reaching {string.Join(", ", reached)}")));
            }
        }

        reasons.AddRange(VolumeRiskReasons.For(volume));
        var total = Math.Clamp((int)Math.Round(reasons.Sum(r => r.Points), MidpointRounding.AwayFromZero), 0, 100);
        return new RiskResult(total, reasons);
    }

    private static string Level(AnomalyResult a) => a.Baseline.ToString().ToLowerInvariant();

    private static double Round(double points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
