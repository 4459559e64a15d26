using CstmML.Core.Sequences;
using CstmML.Scoring;
using CstmML.Scoring.Results;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>A deterministic scorer: risk = 25 per alert (max 100); a playbook "pb-root" is detected when any alert type is "ConsoleLogin".</summary>
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
            Velocity = new VelocityResult(s.Alerts.Count, 0, 0, 0, "manual"),
            Playbooks = s.Alerts.Any(a => a.Type == "ConsoleLogin")
                ? [new PlaybookResult { Id = "pb-root", Version = "1", StepsMatched = 1, StepsTotal = 1, Minimum = 1, Detected = true }]
                : [],
            Risk = new RiskResult(Math.Min(100, PointsPerAlert * s.Alerts.Count), [new RiskReason("alerts", PointsPerAlert * s.Alerts.Count, "alert count")]),
            Model = Model,
        })];
}
