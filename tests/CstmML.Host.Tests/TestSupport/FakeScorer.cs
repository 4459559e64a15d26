using CstmML.Core.Sequences;
using CstmML.Features.Velocity;
using CstmML.Playbooks.Matching;
using CstmML.Playbooks.Model;
using CstmML.Scoring;
using CstmML.Scoring.Results;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>A deterministic scorer: risk = 25 per alert (max 100); a playbook "pb-root" is complete when any alert type is "ConsoleLogin".</summary>
internal sealed class FakeScorer(string name, string version) : ISequenceScorer
{
    public const int PointsPerAlert = 25;

    public ModelRef Model { get; } = new(name, version);

    public IReadOnlyList<ScoringResult> Score(IReadOnlyList<AlertSequence> sequences, ScoringContext? context = null, CancellationToken cancellationToken = default) =>
        [.. sequences.Select(s => new ScoringResult
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
            Playbooks = s.Alerts.Any(a => a.Type == "ConsoleLogin")
                ? [new PlaybookDetection { PlaybookId = "pb-root", Version = 1, Actor = "test", Severity = PlaybookSeverity.High, GroupKey = s.Principal, StepsMatched = 1, StepsTotal = 1, Minimum = 1, Complete = true, Start = s.Start, End = s.End, Steps = [], MissingSteps = [] }]
                : [],
            Risk = new RiskResult(Math.Min(100, PointsPerAlert * s.Alerts.Count), [new RiskReason("alerts", PointsPerAlert * s.Alerts.Count, "alert count")]),
            Model = Model,
        })];
}
