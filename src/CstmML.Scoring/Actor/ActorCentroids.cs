namespace CstmML.Scoring.Actor;

/// <summary>One mean feature vector per class (<c>actor_centroids.json</c>): the out-of-distribution check measures distance to the nearest.</summary>
public sealed record ActorCentroids(IReadOnlyList<string> Labels, IReadOnlyList<float[]> Centroids)
{
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

            // The partial sum only grows, so a centroid is abandoned once it is already farther than the best one;
            // the distances that are completed are summed in the same order as always, so the result is exact.
            var d = 0.0;
            var i = 0;
            while (i < c.Length && d <= best)
            {
                var end = Math.Min(i + 32, c.Length);
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
