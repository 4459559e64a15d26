namespace CstmML.Scoring.Baselines;

/// <summary>
/// A baseline's own benign scores (sorted ascending), turning a new score into an upper-tail probability: empirical
/// inside the observed range, and beyond the largest score an exponential tail with the scores' standard deviation as
/// scale, so that scores past every training score still rank instead of all tying at 1/(n+1).
/// </summary>
public sealed record TailDistribution(IReadOnlyList<double> Sorted)
{
    private ScaleCache? _scale;

    /// <summary>The default <see cref="ScaleFloor"/>: keeps the tail scale positive when all training scores are equal.</summary>
    public const double MinScale = 1e-6;

    /// <summary>
    /// Lower bound of the beyond-max decay scale. A count signal whose benign values are all 0 would otherwise turn
    /// one unit past the maximum into p ≈ 0; a floor of one unit makes each extra unit cost a factor e.
    /// </summary>
    public double ScaleFloor { get; init; } = MinScale;

    /// <summary>
    /// Extrapolate beyond the maximum on ln(1 + score) instead of the score (for heavy-tailed, non-negative signals
    /// such as squared distances, where a linear tail turns one outlier into p ≈ 1e-14).
    /// </summary>
    public bool LogSpace { get; init; }

    /// <summary>Builds the distribution from unsorted scores.</summary>
    public static TailDistribution From(IEnumerable<double> scores) =>
        new(scores.Order().ToArray());

    /// <summary>Builds the distribution from unsorted scores with a beyond-max scale floor.</summary>
    public static TailDistribution From(IEnumerable<double> scores, double scaleFloor) =>
        new(scores.Order().ToArray()) { ScaleFloor = scaleFloor };

    /// <summary>(1 + #{training scores ≥ s}) / (n + 1) up to the largest score, then decaying as exp(-(s - max) / sd); never 0.</summary>
    public double UpperTailProbability(double score)
    {
        if (Sorted.Count > 0 && score > Sorted[^1])
        {
            var floor = 1.0 / (Sorted.Count + 1.0);
            return Math.Max(floor * Math.Exp(-(Space(score) - Space(Sorted[^1])) / Scale()), double.Epsilon);
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

    private double Space(double x) => LogSpace ? Math.Log(1.0 + Math.Max(x, 0.0)) : x;

    /// <summary>Equal scores and options (the cached scale is not part of the value).</summary>
    public bool Equals(TailDistribution? other) =>
        other is not null && EqualityContract == other.EqualityContract
        && EqualityComparer<IReadOnlyList<double>>.Default.Equals(Sorted, other.Sorted)
        && ScaleFloor.Equals(other.ScaleFloor) && LogSpace == other.LogSpace;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EqualityContract, Sorted, ScaleFloor, LogSpace);

    // The decay scale only depends on the scores and the options but costs two passes over every training score, and
    // every score past the maximum needs it: computed once. A copy made with 'with' and other options (or scores)
    // does not match the cache and computes its own; a race only computes the same value twice.
    private double Scale()
    {
        var cached = _scale;
        if (cached is null || !ReferenceEquals(cached.Sorted, Sorted) || cached.LogSpace != LogSpace || !cached.ScaleFloor.Equals(ScaleFloor))
        {
            _scale = cached = new ScaleCache(Sorted, LogSpace, ScaleFloor, ComputeScale());
        }

        return cached.Value;
    }

    private double ComputeScale()
    {
        var mean = Sorted.Average(Space);
        var variance = Sorted.Sum(x => (Space(x) - mean) * (Space(x) - mean)) / Sorted.Count;
        // Files written before ScaleFloor existed deserialize it as 0: fall back to the old floor.
        return Math.Max(Math.Sqrt(variance), ScaleFloor > 0 ? ScaleFloor : MinScale);
    }

    /// <summary>
    /// The score whose upper-tail probability is <paramref name="p"/>: the nearest-rank (1 - p)-quantile when the
    /// observed scores resolve p (p ≥ 1/(n+1)), else the point beyond the maximum where the exponential tail reaches p.
    /// </summary>
    public double ScoreAtTailProbability(double p)
    {
        if (Sorted.Count == 0)
        {
            throw new InvalidOperationException("Tail score of an empty distribution.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        var floor = 1.0 / (Sorted.Count + 1.0);
        if (p >= floor)
        {
            return Quantile(1.0 - p);
        }

        // Invert floor * exp(-(Space(s) - Space(max)) / scale) = p.
        var target = Space(Sorted[^1]) + (Scale() * Math.Log(floor / p));
        return LogSpace ? Math.Exp(target) - 1.0 : target;
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

    private sealed record ScaleCache(IReadOnlyList<double> Sorted, bool LogSpace, double ScaleFloor, double Value);
}
