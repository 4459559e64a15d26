namespace CstmML.Scoring.Baselines;

/// <summary>A baseline's own training scores (sorted ascending), turning a new score into an empirical upper-tail probability.</summary>
public sealed record TailDistribution(IReadOnlyList<double> Sorted)
{
    /// <summary>Builds the distribution from unsorted scores.</summary>
    public static TailDistribution From(IEnumerable<double> scores) =>
        new(scores.Order().ToArray());

    /// <summary>(1 + #{training scores ≥ s}) / (n + 1): never 0, so logs stay finite.</summary>
    public double UpperTailProbability(double score)
    {
        // First index whose value is >= score.
        int lo = 0, hi = Sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Sorted[mid] < score)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (1.0 + (Sorted.Count - lo)) / (Sorted.Count + 1.0);
    }

    /// <summary>The q-quantile (nearest rank, q in [0, 1]).</summary>
    public double Quantile(double q)
    {
        if (Sorted.Count == 0)
        {
            throw new InvalidOperationException("Quantile of an empty distribution.");
        }

        var rank = (int)Math.Ceiling(q * Sorted.Count) - 1;
        return Sorted[Math.Clamp(rank, 0, Sorted.Count - 1)];
    }
}
