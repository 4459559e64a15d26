using CstmML.Scoring.Baselines;
using CstmML.Scoring.Onnx;
using CstmML.Training.Evaluation;
using CstmML.Training.Export;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CstmML.Training.Baselines;

/// <summary>
/// Fits the anomaly baselines on benign rows only: one per principal with at least MinRoleHistory sequences, one per
/// cohort (principal type) with as many, and a global one. Each holds a smoothed Markov chain, optionally a KMeans model
/// exported to ONNX, the distributions of both signals on its own rows, and a threshold at a high quantile of its own
/// combined scores.
/// </summary>
internal sealed class BaselineTrainer(MLContext ml, BaselineOptions options, IProgress<string>? progress)
{
    /// <summary>Folder of the KMeans ONNX files inside the model folder.</summary>
    public const string KMeansFolder = "baselines/kmeans";

    public BaselineTrainingResult Train(IReadOnlyList<LabelledSequence> rows, int dimension)
    {
        var (benign, dropped) = IncidentWindowFilter.Benign(rows);
        if (benign.Count == 0)
        {
            throw new InvalidOperationException("No benign sequence is left to fit the baselines on.");
        }

        progress?.Report($"baselines: {benign.Count} benign sequences ({dropped} incident or overlapping sequences excluded)");
        var groups = new List<(BaselineLevel Level, string Key, LabelledSequence[] Rows)>();
        groups.AddRange(benign.GroupBy(r => r.Role, StringComparer.Ordinal)
            .Where(g => g.Count() >= options.MinRoleHistory)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (BaselineLevel.Role, g.Key, g.ToArray())));
        groups.AddRange(benign.GroupBy(r => BaselineKeys.CohortOf(r.Sequence), StringComparer.Ordinal)
            .Where(g => g.Count() >= options.MinRoleHistory)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (BaselineLevel.Cohort, g.Key, g.ToArray())));
        groups.Add((BaselineLevel.Global, BaselineKeys.Global, [.. benign]));

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var models = new Dictionary<string, ITransformer>(StringComparer.Ordinal);
        var baselines = new List<RoleBaseline>();
        for (var i = 0; i < groups.Count; i++)
        {
            var (level, key, members) = groups[i];
            var tokens = members.Select(r => SequenceTokens.Of(r.Sequence, options.Tokens)).ToArray();
            var features = members.Select(r => r.Features).ToArray();
            var markov = MarkovChainModel.Fit(tokens, options.Alpha);
            var clusters = options.UseKMeans ? Math.Clamp(members.Length / options.KMeansRowsPerCluster, 1, options.KMeansClusters) : 0;
            string? kmeansFile = null;
            if (options.UseKMeans)
            {
                var model = FitKMeans(features, clusters, dimension);
                // Index-based names: principal keys hold characters that are not safe in paths.
                kmeansFile = $"{KMeansFolder}/{level.ToString().ToLowerInvariant()}-{i:D4}.onnx";
                files[kmeansFile] = OnnxExport.ToBytes(ml, model, dimension, MlColumns.Score);
                models[kmeansFile] = model;
            }

            // The score distributions are out-of-fold, so they describe unseen benign sequences, not memorised ones.
            var (markovSignals, distances, novelty) = OutOfFold(tokens, features, clusters, dimension, markov, kmeansFile is null ? null : files[kmeansFile]);
            var markovTail = TailDistribution.From(markovSignals);
            var kmeansTail = distances is null ? null : TailDistribution.From(distances) with { LogSpace = options.KMeansLogTail };
            var noveltyTail = options.UseNovelty ? TailDistribution.From(novelty.Select(n => (double)n), options.NoveltyScaleFloor) : null;
            var combined = markovSignals.Select((s, j) =>
            {
                var p = new List<double>(3) { markovTail.UpperTailProbability(s) };
                if (distances is not null)
                {
                    p.Add(kmeansTail!.UpperTailProbability(distances[j]));
                }

                if (noveltyTail is not null)
                {
                    p.Add(noveltyTail.UpperTailProbability(novelty[j]));
                }

                return AnomalyCombiner.Combine(p);
            });
            // Small baselines cannot resolve a 1% tail from their own rows: extrapolate it instead of taking the maximum.
            var combinedTail = TailDistribution.From(combined);
            var threshold = options.ExtrapolateThreshold
                ? combinedTail.ScoreAtTailProbability(1.0 - options.ThresholdQuantile)
                : combinedTail.Quantile(options.ThresholdQuantile);
            baselines.Add(new RoleBaseline
            {
                Key = key,
                Level = level,
                TrainingSequences = members.Length,
                Markov = markov,
                KMeansFile = kmeansFile,
                KMeansClusters = clusters,
                MarkovTail = markovTail,
                KMeansTail = kmeansTail,
                NoveltyTail = noveltyTail,
                Threshold = threshold,
            });
        }

        progress?.Report($"baselines: {baselines.Count(b => b.Level == BaselineLevel.Role)} role, {baselines.Count(b => b.Level == BaselineLevel.Cohort)} cohort, 1 global");
        var set = new BaselineSet
        {
            Tokens = options.Tokens,
            Window = options.Window,
            MinRoleHistory = options.MinRoleHistory,
            ThresholdQuantile = options.ThresholdQuantile,
            KMeansOutput = MlColumns.ScoreOutput,
            Baselines = baselines,
        };
        return new BaselineTrainingResult(set, files, models, dropped);
    }

    /// <summary>
    /// Signals of each member scored by models fitted without its fold (k folds by position); with fewer than
    /// 2k members, in-sample signals from the full models instead.
    /// </summary>
    private (double[] Markov, double[]? Distances, int[] Novelty) OutOfFold(
        IReadOnlyList<string>[] tokens, float[][] features, int clusters, int dimension, MarkovChainModel full, byte[]? fullOnnx)
    {
        var n = tokens.Length;
        var k = options.CrossFitFolds;
        var markov = new double[n];
        var novelty = new int[n];
        var distances = fullOnnx is null ? null : new double[n];
        if (k < 2 || n < 2 * k)
        {
            for (var j = 0; j < n; j++)
            {
                markov[j] = BaselineScorer.MarkovSignal(full.Score(tokens[j], options.Window));
            }

            if (fullOnnx is not null)
            {
                using var session = new OnnxModelSession(fullOnnx, MlColumns.ScoreOutput);
                var d = session.Run(features).Select(BaselineScorer.MinDistance).ToArray();
                d.CopyTo(distances!, 0);
            }

            // In-sample every token is known: novelty stays 0.
            return (markov, distances, novelty);
        }

        for (var fold = 0; fold < k; fold++)
        {
            var held = Enumerable.Range(0, n).Where(j => j % k == fold).ToArray();
            var kept = Enumerable.Range(0, n).Where(j => j % k != fold).ToArray();
            var chain = MarkovChainModel.Fit(kept.Select(j => tokens[j]), options.Alpha);
            foreach (var j in held)
            {
                markov[j] = BaselineScorer.MarkovSignal(chain.Score(tokens[j], options.Window));
                novelty[j] = chain.UnseenCount(tokens[j]);
            }

            if (distances is not null)
            {
                var model = FitKMeans(kept.Select(j => features[j]).ToArray(), Math.Min(clusters, kept.Length), dimension);
                var scores = FeatureData.Vectors(model.Transform(FeatureData.Features(ml, held.Select(j => features[j]), dimension)), MlColumns.Score);
                for (var h = 0; h < held.Length; h++)
                {
                    distances[held[h]] = BaselineScorer.MinDistance(scores[h]);
                }
            }
        }

        return (markov, distances, novelty);
    }

    private TransformerChain<ClusteringPredictionTransformer<KMeansModelParameters>> FitKMeans(float[][] features, int clusters, int dimension)
    {
        var view = FeatureData.Features(ml, features, dimension);
        var pipeline = ml.Transforms.NormalizeMeanVariance(MlColumns.Features)
            .Append(ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = MlColumns.Features,
                NumberOfClusters = clusters,
                MaximumNumberOfIterations = options.KMeansMaxIterations,
                NumberOfThreads = 1,
            }));
        return pipeline.Fit(view);
    }
}
