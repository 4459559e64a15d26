using CstmML.Core.Sequences;
using CstmML.Scoring.Results;

namespace CstmML.Scoring;

/// <summary>
/// Scores sequences into <see cref="ScoringResult"/>s: the one function batch scoring (<c>cstm score</c>) and the HTTP
/// host share, so both produce identical results for the same input. Implementations are thread-safe.
/// </summary>
public interface ISequenceScorer
{
    /// <summary>The loaded model's name and version.</summary>
    ModelRef Model { get; }

    /// <summary>
    /// Scores a batch of sequences (batched ONNX inference). <paramref name="context"/> carries run-level evidence such
    /// as volume findings; null when there is none.
    /// </summary>
    IReadOnlyList<ScoringResult> Score(IReadOnlyList<AlertSequence> sequences, ScoringContext? context = null, CancellationToken cancellationToken = default);
}
