namespace CstmML.Scoring.Actor;

/// <summary>One mean feature vector per class (<c>actor_centroids.json</c>): the out-of-distribution check measures distance to the nearest.</summary>
public sealed record ActorCentroids(IReadOnlyList<string> Labels, IReadOnlyList<float[]> Centroids)
{
    /// <summary>Euclidean distance from <paramref name="features"/> to the nearest centroid.</summary>
    public double NearestDistance(ReadOnlySpan<float> features)
    {
        var best = double.PositiveInfinity;
        foreach (var c in Centroids)
        {
            if (c.Length != features.Length)
            {
                throw new ArgumentException($"Feature vector has {features.Length} values, centroids have {c.Length}.", nameof(features));
            }

            var d = 0.0;
            for (var i = 0; i < c.Length; i++)
            {
                var diff = (double)features[i] - c[i];
                d += diff * diff;
            }

            best = Math.Min(best, d);
        }

        return Math.Sqrt(best);
    }
}
