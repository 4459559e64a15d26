using CstmML.Core.Hashing;
using CstmML.Core.Models;
using CstmML.Core.Sequences;

namespace CstmML.Training.Tests.Evaluation;

/// <summary>
/// A test-only stand-in for CstmML.Features: hashed technique uni/bi-grams (48 buckets) and alert-type unigrams
/// (12 buckets), each L2-normalised, plus 4 shape statistics. Stable hashing, so vectors are the same everywhere.
/// </summary>
internal static class TinyFeaturizer
{
    public const int Dimension = 64;
    private const int TechniqueBuckets = 48;
    private const int TypeBuckets = 12;

    public static readonly FeatureSchemaInfo Schema = new("tiny-1", Dimension, "tiny-fnv-64");

    public static float[] Featurize(AlertSequence sequence)
    {
        var v = new float[Dimension];
        var techniques = sequence.Techniques.Select(t => t.Value).ToArray();
        for (var i = 0; i < techniques.Length; i++)
        {
            v[StableHash.Fnv1a32(techniques[i], 1) % TechniqueBuckets] += 1;
            if (i > 0)
            {
                v[StableHash.Fnv1a32(techniques[i - 1] + ">" + techniques[i], 2) % TechniqueBuckets] += 1;
            }
        }

        foreach (var a in sequence.Alerts)
        {
            v[TechniqueBuckets + (StableHash.Fnv1a32(a.Type, 3) % TypeBuckets)] += 1;
        }

        Normalize(v.AsSpan(0, TechniqueBuckets));
        Normalize(v.AsSpan(TechniqueBuckets, TypeBuckets));
        var n = sequence.Alerts.Count;
        var minutes = n < 2 ? 0 : (sequence.End - sequence.Start).TotalMinutes / (n - 1);
        v[60] = (float)(Math.Log(1 + n) / 4);
        v[61] = techniques.Length == 0 ? 0 : (float)techniques.Distinct().Count() / techniques.Length;
        v[62] = (float)(Math.Log(1 + minutes) / 5);
        v[63] = 1;
        return v;
    }

    private static void Normalize(Span<float> span)
    {
        var norm = 0.0;
        foreach (var x in span)
        {
            norm += x * x;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < span.Length; i++)
            {
                span[i] *= scale;
            }
        }
    }
}
