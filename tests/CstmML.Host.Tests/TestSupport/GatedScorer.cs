using CstmML.Core.Sequences;
using CstmML.Scoring;
using CstmML.Scoring.Results;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>A <see cref="FakeScorer"/> whose first call waits until <see cref="Release"/>, and that records how many sequences each call scored.</summary>
internal sealed class GatedScorer : ISequenceScorer, IDisposable
{
    private readonly FakeScorer _inner = new("fake", "1.0.0");
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _gate = new();
    private readonly List<int> _calls = [];

    public ModelRef Model => _inner.Model;

    /// <summary>Sequences scored by each call, in call order.</summary>
    public IReadOnlyList<int> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Blocks until the first call is inside <see cref="Score"/> (at most 10 s).</summary>
    public bool WaitEntered() => _entered.Wait(TimeSpan.FromSeconds(10));

    public void Release() => _gate.Set();

    public IReadOnlyList<ScoringResult> Score(IReadOnlyList<AlertSequence> sequences, ScoringContext? context = null, CancellationToken cancellationToken = default)
    {
        lock (_calls)
        {
            _calls.Add(sequences.Count);
        }

        _entered.Set();
        _gate.Wait(TimeSpan.FromSeconds(10), cancellationToken);
        return _inner.Score(sequences, context, cancellationToken);
    }

    public void Dispose()
    {
        _entered.Dispose();
        _gate.Dispose();
    }
}
