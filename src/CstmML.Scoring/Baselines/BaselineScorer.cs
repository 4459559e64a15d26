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
        var chosen = inputs.Select(i => Resolve(i.Role, i.Cohort)).ToArray();
        var results = new AnomalyResult[inputs.Count];
        foreach (var group in Enumerable.Range(0, inputs.Count).GroupBy(i => chosen[i].Key, StringComparer.Ordinal))
        {
            var rows = group.ToArray();
            var baseline = chosen[rows[0]];
            var distances = KMeansDistances(baseline, rows.Select(r => inputs[r].Features).ToArray());
            for (var j = 0; j < rows.Length; j++)
            {
                results[rows[j]] = ScoreOne(baseline, inputs[rows[j]].Tokens, distances?[j]);
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

    /// <summary>Min over a row of squared distances, floored at 0 (float cancellation can make it slightly negative).</summary>
    public static double MinDistance(float[] distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        return Math.Max(0.0, distances.Min());
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
