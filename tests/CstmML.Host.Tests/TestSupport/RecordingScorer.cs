using System.Collections.Concurrent;
using CstmML.Core.Sequences;
using CstmML.Host.Streaming;
using CstmML.Playbooks.Matching;
using CstmML.Scoring;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>The real engine, recording every result it returns (its playbooks stay visible to the re-score probe).</summary>
internal sealed class RecordingScorer(ScoringEngine engine) : ISequenceScorer, IPlaybookSource
{
    private readonly ConcurrentQueue<ScoringResult> _results = new();

    public ModelRef Model => engine.Model;

    public PlaybookEngine Playbooks => engine.Playbooks;

    /// <summary>Every result returned, in order.</summary>
    public IReadOnlyList<ScoringResult> Results => [.. _results];

    public IReadOnlyList<ScoringResult> Score(IReadOnlyList<AlertSequence> sequences, ScoringContext? context = null, CancellationToken cancellationToken = default)
    {
        var results = engine.Score(sequences, context, cancellationToken);
        foreach (var r in results)
        {
            _results.Enqueue(r);
        }

        return results;
    }
}
