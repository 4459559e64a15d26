namespace CstmML.Scoring.Baselines;

/// <summary>
/// A baseline's own benign scores (sorted ascending), turning a new score into an upper-tail probability: empirical
/// inside the observed range, and beyond the largest score an exponential tail with the scores' standard deviation as
/// scale, so that scores past every training score still rank instead of all tying at 1/(n+1).
/// </summary>
public sealed record TailDistribution(IReadOnlyList<double> Sorted)
{
    // Keeps the tail scale positive when all training scores are equal.
    private const double MinScale = 1e-6;

    /// <summary>Builds the distribution from unsorted scores.</summary>
    public static TailDistribution From(IEnumerable<double> scores) =>
        new(scores.Order().ToArray());

    /// <summary>(1 + #{training scores ≥ s}) / (n + 1) up to the largest score, then decaying as exp(-(s - max) / sd); never 0.</summary>
    public double UpperTailProbability(double score)
    {
        if (Sorted.Count > 0 && score > Sorted[^1])
        {
            var floor = 1.0 / (Sorted.Count + 1.0);
            return Math.Max(floor * Math.Exp(-(score - Sorted[^1]) / Scale()), double.Epsilon);
        }

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

    private double Scale()
    {
        var mean = Sorted.Average();
        var variance = Sorted.Sum(x => (x - mean) * (x - mean)) / Sorted.Count;
        return Math.Max(Math.Sqrt(variance), MinScale);
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
