using CstmML.Core.Sequences;
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
        [.. sequences.Select(s => FakeResult.Of(s, Model, PointsPerAlert, s.Alerts.Any(a => a.Type == "ConsoleLogin")
            ? [new PlaybookDetection { PlaybookId = "pb-root", Version = 1, Actor = "test", Severity = PlaybookSeverity.High, GroupKey = s.Principal, StepsMatched = 1, StepsTotal = 1, Minimum = 1, Complete = true, Start = s.Start, End = s.End, Steps = [], MissingSteps = [] }]
            : []))];
}
