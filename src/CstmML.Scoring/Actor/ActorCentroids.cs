using System.Numerics;

namespace CstmML.Scoring.Actor;

/// <summary>One mean feature vector per class (<c>actor_centroids.json</c>): the out-of-distribution check measures distance to the nearest.</summary>
public sealed record ActorCentroids(IReadOnlyList<string> Labels, IReadOnlyList<float[]> Centroids)
{
    // A vectorized partial sum is a lower bound of the exact distance up to rounding (at most ~n x 1.1e-16 relative
    // for n non-negative terms, i.e. < 1e-13 here); shrinking it by this margin keeps it a strict lower bound.
    private const double BoundMargin = 1e-9;
    private const int Chunk = 32;

    /// <summary>Euclidean distance from <paramref name="features"/> to the nearest centroid.</summary>
    /// <param name="features">The feature vector.</param>
    /// <param name="first">A centroid to measure first (e.g. the predicted class's): a close one lets the others stop early.</param>
    public double NearestDistance(ReadOnlySpan<float> features, int first = 0)
    {
        var best = double.PositiveInfinity;
        var n = Centroids.Count;
        for (var j = 0; j < n; j++)
        {
            var c = Centroids[(j + first) % n];
            if (c.Length != features.Length)
            {
                throw new ArgumentException($"Feature vector has {features.Length} values, centroids have {c.Length}.", nameof(features));
            }

            // A centroid that is certainly farther than the best one is skipped before the exact (sequential) sum.
            if (!double.IsPositiveInfinity(best) && IsCertainlyFarther(features, c, best))
            {
                continue;
            }

            // The partial sum only grows, so a centroid is abandoned once it is already farther than the best one;
            // the distances that are completed are summed in the same order as always, so the result is exact.
            var d = 0.0;
            var i = 0;
            while (i < c.Length && d <= best)
            {
                var end = Math.Min(i + Chunk, c.Length);
                for (; i < end; i++)
                {
                    var diff = (double)features[i] - c[i];
                    d += diff * diff;
                }
            }

            best = Math.Min(best, d);
        }

        return Math.Sqrt(best);
    }

    /// <summary>
    /// True when the squared distance from <paramref name="features"/> to <paramref name="centroid"/> is certainly
    /// greater than <paramref name="best"/>: the same terms (difference and square in double) added in vector lanes,
    /// checked every few chunks, with a margin far above the rounding difference between the two summation orders.
    /// </summary>
    internal static bool IsCertainlyFarther(ReadOnlySpan<float> features, ReadOnlySpan<float> centroid, double best)
    {
        var limit = best * (1 + BoundMargin);
        var width = Vector<float>.Count;
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        var i = 0;
        for (; i + width <= features.Length; i += width)
        {
            Vector.Widen(new Vector<float>(features[i..]), out var f0, out var f1);
            Vector.Widen(new Vector<float>(centroid[i..]), out var c0, out var c1);
            var d0 = f0 - c0;
            var d1 = f1 - c1;
            acc0 += d0 * d0;
            acc1 += d1 * d1;
            if ((i / width) % 8 == 7 && Vector.Sum(acc0 + acc1) > limit)
            {
                return true;
            }
        }

        var sum = Vector.Sum(acc0 + acc1);
        for (; i < features.Length; i++)
        {
            var diff = (double)features[i] - centroid[i];
            sum += diff * diff;
        }

        return sum > limit;
    }

    /// <summary>The index of <paramref name="label"/>'s centroid, or 0 when it has none.</summary>
    public int IndexOf(string label)
    {
        for (var j = 0; j < Labels.Count; j++)
        {
            if (string.Equals(Labels[j], label, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return 0;
    }
}
