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
            var markov = MarkovChainModel.Fit(tokens, options.Alpha);
            var markovSignals = tokens.Select(t => BaselineScorer.MarkovSignal(markov.Score(t, options.Window))).ToArray();
            var markovTail = TailDistribution.From(markovSignals);

            string? kmeansFile = null;
            TailDistribution? kmeansTail = null;
            double[]? distances = null;
            var clusters = 0;
            if (options.UseKMeans)
            {
                clusters = Math.Clamp(members.Length / options.KMeansRowsPerCluster, 1, options.KMeansClusters);
                var features = members.Select(r => r.Features).ToArray();
                var model = FitKMeans(features, clusters, dimension);
                // Index-based names: principal keys hold characters that are not safe in paths.
                kmeansFile = $"{KMeansFolder}/{level.ToString().ToLowerInvariant()}-{i:D4}.onnx";
                var onnx = OnnxExport.ToBytes(ml, model, dimension, MlColumns.Score);
                using (var session = new OnnxModelSession(onnx, MlColumns.ScoreOutput, kmeansFile))
                {
                    distances = session.Run(features).Select(BaselineScorer.MinDistance).ToArray();
                }

                kmeansTail = TailDistribution.From(distances);
                files[kmeansFile] = onnx;
                models[kmeansFile] = model;
            }

            // In-sample combined scores: each row against its own baseline's distributions (docs/models.md).
            var combined = markovSignals.Select((s, j) => AnomalyCombiner.Combine(
                markovTail.UpperTailProbability(s),
                distances is null ? null : kmeansTail!.UpperTailProbability(distances[j])));
            var threshold = TailDistribution.From(combined).Quantile(options.ThresholdQuantile);
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
