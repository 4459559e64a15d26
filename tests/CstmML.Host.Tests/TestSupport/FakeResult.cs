using CstmML.Core.Sequences;
using CstmML.Features.Velocity;
using CstmML.Playbooks.Matching;
using CstmML.Scoring.Results;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>The result the test scorers give: the sequence's own fields, its velocity, the given playbooks, and risk = points per alert (max 100).</summary>
internal static class FakeResult
{
    public static ScoringResult Of(AlertSequence s, ModelRef model, int pointsPerAlert, IReadOnlyList<PlaybookDetection> playbooks) => new()
    {
        SequenceId = s.SequenceId,
        Account = s.Account,
        Principal = s.Principal,
        PrincipalType = s.PrincipalType,
        Start = s.Start,
        End = s.End,
        AlertCount = s.Alerts.Count,
        Techniques = s.Techniques,
        TacticChain = s.TacticChain,
        AlertIds = [.. s.Alerts.Select(a => a.Id)],
        Velocity = VelocityProfile.From(s),
        Playbooks = playbooks,
        Risk = new RiskResult(Math.Min(100, pointsPerAlert * s.Alerts.Count), [new RiskReason("alerts", pointsPerAlert * s.Alerts.Count, "alert count")]),
        Model = model,
    };
}
