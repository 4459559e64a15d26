using System.Collections.Concurrent;
using CstmML.Core.Sequences;
using CstmML.Features.Velocity;
using CstmML.Host.Streaming;
using CstmML.Playbooks.Matching;
using CstmML.Scoring;
using CstmML.Scoring.Results;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>
/// A deterministic scorer with real playbooks: risk = <paramref name="pointsPerAlert"/> per alert (max 100), playbooks =
/// <see cref="PlaybookEngine.Match(AlertSequence)"/> as the engine reports them. Records every result it returns.
/// </summary>
internal sealed class PlaybookScorer(PlaybookEngine playbooks, int pointsPerAlert) : ISequenceScorer, IPlaybookSource
{
    private readonly ConcurrentQueue<ScoringResult> _results = new();

    public ModelRef Model { get; } = new("playbook-fake", "1.0.0");

    public PlaybookEngine Playbooks => playbooks;

    /// <summary>Every result returned, in order.</summary>
    public IReadOnlyList<ScoringResult> Results => [.. _results];

    public IReadOnlyList<ScoringResult> Score(IReadOnlyList<AlertSequence> sequences, ScoringContext? context = null, CancellationToken cancellationToken = default)
    {
        var results = sequences.Select(s => new ScoringResult
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
            Playbooks = playbooks.Match(s),
            Risk = new RiskResult(Math.Min(100, pointsPerAlert * s.Alerts.Count), [new RiskReason("alerts", pointsPerAlert * s.Alerts.Count, "alert count")]),
            Model = Model,
        }).ToArray();
        foreach (var r in results)
        {
            _results.Enqueue(r);
        }

        return results;
    }
}
