using System.Collections.Concurrent;
using CstmML.Core.Sequences;
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
        var results = sequences.Select(s => FakeResult.Of(s, Model, pointsPerAlert, playbooks.Match(s))).ToArray();
        foreach (var r in results)
        {
            _results.Enqueue(r);
        }

        return results;
    }
}
