using CstmML.Scoring.Onnx;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Baselines;

/// <summary>
/// Runtime anomaly scoring shared by training, batch scoring and the host: pick the baseline (role, cohort, global),
/// score the Markov rarest window and the KMeans distance, turn each into a tail probability against that baseline's
/// own training scores, combine (Fisher) and compare with the baseline's threshold.
/// </summary>
public sealed class BaselineScorer : IDisposable
{
    private readonly BaselineSet _set;
    private readonly Dictionary<string, OnnxModelSession> _kmeans;
    private readonly Dictionary<string, RoleBaseline> _byKey;
    private readonly RoleBaseline _global;

    /// <summary>Takes ownership of the KMeans sessions, keyed by <see cref="RoleBaseline.KMeansFile"/>.</summary>
    public BaselineScorer(BaselineSet set, IReadOnlyDictionary<string, OnnxModelSession> kmeansSessions)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(kmeansSessions);
        _set = set;
        _kmeans = new Dictionary<string, OnnxModelSession>(kmeansSessions, StringComparer.Ordinal);
        _byKey = set.Baselines.Where(b => b.Level != BaselineLevel.Global).ToDictionary(b => b.Key, StringComparer.Ordinal);
        _global = set.Baselines.SingleOrDefault(b => b.Level == BaselineLevel.Global)
            ?? throw new InvalidDataException("The baseline set has no global baseline.");
        foreach (var b in set.Baselines.Where(b => b.KMeansFile is not null && !_kmeans.ContainsKey(b.KMeansFile)))
        {
            throw new InvalidDataException($"Baseline '{b.Key}' names KMeans file '{b.KMeansFile}', which was not loaded.");
        }
    }

    public BaselineSet Set => _set;

    /// <summary>The principal's own baseline, else its cohort's, else the global one.</summary>
    public RoleBaseline Resolve(string role, string? cohort) =>
        _byKey.TryGetValue(role, out var own) && own.Level == BaselineLevel.Role ? own
        : cohort is not null && _byKey.TryGetValue(cohort, out var c) && c.Level == BaselineLevel.Cohort ? c
        : _global;

    /// <summary>Scores a batch; KMeans runs once per baseline over its rows.</summary>
    public IReadOnlyList<AnomalyResult> Score(IReadOnlyList<BaselineInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var dimension = inputs.Count == 0 ? 0 : inputs[0].Features.Length;
        var matrix = new float[inputs.Count * dimension];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Features.Length != dimension)
            {
                throw new ArgumentException($"Input {i} has {inputs[i].Features.Length} features, input 0 has {dimension}.", nameof(inputs));
            }

            inputs[i].Features.CopyTo(matrix, i * dimension);
        }

        return Score(inputs.Count, i => (inputs[i].Role, inputs[i].Cohort, inputs[i].Tokens), matrix, dimension, new float[matrix.Length], new int[inputs.Count]);
    }

    /// <summary>
    /// Scores <paramref name="count"/> rows of a row-major feature matrix that the caller owns for the call. Each
    /// baseline's KMeans model runs once over its rows, in row order (the batches ONNX Runtime sees do not depend on
    /// the buffers); <paramref name="gather"/> and <paramref name="rows"/> are scratch space of at least the matrix's
    /// and the row count's length.
    /// </summary>
    internal AnomalyResult[] Score(int count, Func<int, (string Role, string? Cohort, IReadOnlyList<string> Tokens)> row, float[] matrix, int dimension, float[] gather, int[] rows)
    {
        var chosen = new RoleBaseline[count];
        for (var i = 0; i < count; i++)
        {
            var (role, cohort, _) = row(i);
            chosen[i] = Resolve(role, cohort);
        }

        var results = new AnomalyResult[count];
        for (var i = 0; i < count; i++)
        {
            if (results[i] is not null)
            {
                continue;
            }

            // The group of row i's baseline: row i and every later row with the same key (first-occurrence order).
            var baseline = chosen[i];
            var m = 0;
            for (var j = i; j < count; j++)
            {
                if (results[j] is null && (ReferenceEquals(chosen[j], baseline) || string.Equals(chosen[j].Key, baseline.Key, StringComparison.Ordinal)))
                {
                    rows[m++] = j;
                }
            }

            var distances = KMeansDistances(baseline, matrix, dimension, rows.AsSpan(0, m), gather);
            for (var j = 0; j < m; j++)
            {
                results[rows[j]] = ScoreOne(baseline, row(rows[j]).Tokens, distances?[j]);
            }
        }

        return results;
    }

    /// <summary>Min squared distance to a centroid for each row, or null when the baseline has no KMeans model.</summary>
    public double[]? KMeansDistances(RoleBaseline baseline, IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.KMeansFile is null)
        {
            return null;
        }

        return _kmeans[baseline.KMeansFile].Run(features).Select(MinDistance).ToArray();
    }

    private double[]? KMeansDistances(RoleBaseline baseline, float[] matrix, int dimension, ReadOnlySpan<int> rows, float[] gather)
    {
        if (baseline.KMeansFile is null)
        {
            return null;
        }

        // Rows 0..m-1 in order are already laid out as one batch; any other group is copied together first.
        var contiguous = true;
        for (var j = 0; j < rows.Length && contiguous; j++)
        {
            contiguous = rows[j] == j;
        }

        var input = matrix;
        if (!contiguous)
        {
            input = gather;
            for (var j = 0; j < rows.Length; j++)
            {
                matrix.AsSpan(rows[j] * dimension, dimension).CopyTo(gather.AsSpan(j * dimension, dimension));
            }
        }

        var session = _kmeans[baseline.KMeansFile];
        if (dimension != session.InputDimension)
        {
            throw new ArgumentException($"{session.Source}: the feature rows have {dimension} values, the model takes {session.InputDimension}.", nameof(dimension));
        }

        var output = session.RunOwned(input, rows.Length);
        var width = output.Length / rows.Length;
        var distances = new double[rows.Length];
        for (var j = 0; j < rows.Length; j++)
        {
            distances[j] = MinOfRow(output.AsSpan(j * width, width));
        }

        return distances;
    }

    /// <summary>Min over a row of squared distances, floored at 0 (float cancellation can make it slightly negative).</summary>
    public static double MinDistance(float[] distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        return MinOfRow(distances);
    }

    // Same as Enumerable.Min over the row (first NaN wins, else the smallest), then floored.
    private static double MinOfRow(ReadOnlySpan<float> distances)
    {
        if (distances.IsEmpty)
        {
            throw new InvalidOperationException("A KMeans output row has no distances.");
        }

        var min = distances[0];
        for (var i = 1; i < distances.Length && !float.IsNaN(min); i++)
        {
            var x = distances[i];
            if (x < min || float.IsNaN(x))
            {
                min = x;
            }
        }

        return Math.Max(0.0, min);
    }

    /// <summary>The Markov signal: negative mean log-likelihood of the rarest window.</summary>
    public static double MarkovSignal(MarkovScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return -score.Rarest.MeanLogLikelihood;
    }

    private AnomalyResult ScoreOne(RoleBaseline baseline, IReadOnlyList<string> tokens, double? distance)
    {
        var markov = baseline.Markov.Score(tokens, _set.Window);
        var signal = MarkovSignal(markov);
        var pMarkov = baseline.MarkovTail.UpperTailProbability(signal);
        double? pKMeans = distance is { } d && baseline.KMeansTail is { } tail ? tail.UpperTailProbability(d) : null;
        return new AnomalyResult
        {
            Score = AnomalyCombiner.Combine(TailProbabilities(baseline, tokens, pMarkov, pKMeans)),
            Threshold = baseline.Threshold,
            Baseline = baseline.Level,
            BaselineKey = baseline.Key,
            MarkovSignal = signal,
            MarkovTailProbability = pMarkov,
            KMeansDistance = distance,
            KMeansTailProbability = pKMeans,
            TopNgrams = markov.LowestTransitions,
            RarestWindow = markov.Rarest,
        };
    }

    /// <summary>The tail probabilities of every signal the baseline has, in a fixed order (Markov, KMeans, novelty).</summary>
    public static IReadOnlyList<double> TailProbabilities(RoleBaseline baseline, IReadOnlyList<string> tokens, double markovP, double? kmeansP)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var p = new List<double>(3) { markovP };
        if (kmeansP is { } k)
        {
            p.Add(k);
        }

        if (baseline.NoveltyTail is { } novelty)
        {
            p.Add(novelty.UpperTailProbability(baseline.Markov.UnseenCount(tokens)));
        }

        return p;
    }

    public void Dispose()
    {
        foreach (var s in _kmeans.Values)
        {
            s.Dispose();
        }
    }
}
