using CstmML.Core.Sequences;
using CstmML.Scoring;
using CstmML.Scoring.Results;

namespace CstmML.Host.Scoring;

/// <summary>
/// Scores a large list of sequences in contiguous chunks on several threads and returns the results in input order.
/// The scorer is thread-safe (concurrent requests share it) and scores each sequence on its own, so the results are
/// those of one call over the whole list (a test checks this with the real engine). A streaming group re-scores
/// hundreds of sessions in its tenant's single lane; chunks let that pass use more than one core and keep each call's
/// arrays out of the large-object heap.
/// </summary>
internal static class ParallelScoring
{
    /// <summary>Below this many sequences per chunk, one call on the calling thread is cheaper than handing work out.</summary>
    public const int MinChunk = 32;

    /// <summary>
    /// At most this many sequences per call: the engine builds a feature matrix per call (476 floats per sequence with
    /// the bundled model), and above ~44 rows it is a large object, collected only with gen 2: scored in one call, a
    /// 500-session group made 15-26 gen-2 collections per 10 s of stream load.
    /// </summary>
    public const int MaxChunk = 40;

    /// <summary>The results of <paramref name="sequences"/>, in order, scored in chunks, <paramref name="degree"/> at a time.</summary>
    public static IReadOnlyList<ScoringResult> Score(ISequenceScorer scorer, IReadOnlyList<AlertSequence> sequences, int degree)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(sequences);
        degree = Math.Max(1, degree);
        var size = Math.Min(MaxChunk, Math.Max(MinChunk, (sequences.Count + degree - 1) / degree));
        var chunks = (sequences.Count + size - 1) / size;
        if (chunks <= 1)
        {
            return scorer.Score(sequences);
        }

        var parts = new IReadOnlyList<ScoringResult>[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = degree }, c =>
        {
            var start = c * size;
            var count = Math.Min(size, sequences.Count - start);
            var slice = new AlertSequence[count];
            for (var i = 0; i < count; i++)
            {
                slice[i] = sequences[start + i];
            }

            parts[c] = scorer.Score(slice);
        });

        var results = new ScoringResult[sequences.Count];
        var at = 0;
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Count; i++)
            {
                results[at++] = part[i];
            }
        }

        return results;
    }
}
