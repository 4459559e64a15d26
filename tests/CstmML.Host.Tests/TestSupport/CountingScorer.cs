using CstmML.Core.Sequences;
using CstmML.Scoring;
using CstmML.Scoring.Results;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>A <see cref="FakeScorer"/> that counts its calls and the sequences it scored, or throws when told to.</summary>
internal sealed class CountingScorer(bool fail = false) : ISequenceScorer
{
    private readonly FakeScorer _inner = new("fake", "1.0.0");
    private int _calls;
    private int _sequences;

    public ModelRef Model => _inner.Model;

    public int Calls => Volatile.Read(ref _calls);

    public int Sequences => Volatile.Read(ref _sequences);

    public IReadOnlyList<ScoringResult> Score(IReadOnlyList<AlertSequence> sequences, ScoringContext? context = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _sequences, sequences.Count);
        return fail ? throw new InvalidOperationException("this model cannot score") : _inner.Score(sequences, context, cancellationToken);
    }
}
