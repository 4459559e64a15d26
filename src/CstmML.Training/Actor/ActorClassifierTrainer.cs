using CstmML.Scoring.Actor;
using CstmML.Scoring.Onnx;
using CstmML.Training.Evaluation;
using CstmML.Training.Export;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace CstmML.Training.Actor;

/// <summary>
/// Trains the actor classifier on incident sequences: compares trainers on the calibration fold (log-loss), exports the
/// winner to ONNX, then fits temperature, the abstention threshold and the OOD distance threshold on the same fold
/// using the ONNX model's own outputs, so the parameters match what runs in production.
/// </summary>
internal sealed class ActorClassifierTrainer(MLContext ml, ActorOptions options, int seed, IProgress<string>? progress)
{
    /// <summary>Trains on the actor-labelled rows of <paramref name="train"/>, calibrates on those of <paramref name="calibration"/>.</summary>
    public ActorTrainingResult Train(IReadOnlyList<LabelledSequence> train, IReadOnlyList<LabelledSequence> calibration, int dimension)
    {
        var trainRows = train.Where(r => r.Actor is not null).ToArray();
        var classes = trainRows.Select(r => r.Actor!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
        {
            throw new InvalidOperationException($"The actor classifier needs at least two actors in the training fold; found {classes.Length}.");
        }

        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var calRows = calibration.Where(r => r.Actor is not null && classIndex.ContainsKey(r.Actor)).ToArray();
        if (calRows.Length == 0)
        {
            throw new InvalidOperationException("The calibration fold has no sequence of a known actor; add incidents or change the split.");
        }

        var trainView = FeatureData.Labelled(ml, trainRows.Select(r => (classIndex[r.Actor!], r.Features)), classes.Length, dimension);
        var calFeatures = calRows.Select(r => r.Features).ToArray();
        var calTruth = calRows.Select(r => classIndex[r.Actor!]).ToArray();
        var calView = FeatureData.Features(ml, calFeatures, dimension);

        var fitted = new List<(ActorTrainerKind Kind, ITransformer Model, double LogLoss, double Accuracy)>();
        foreach (var kind in options.Trainers.Distinct())
        {
            progress?.Report($"actor: training {kind} on {trainRows.Length} sequences, {classes.Length} actors");
            var model = Estimator(kind).Fit(trainView);
            var scores = FeatureData.Vectors(model.Transform(calView), MlColumns.Score);
            var (logLoss, accuracy) = Validate(scores, calTruth);
            progress?.Report($"actor: {kind} validation log-loss {logLoss:0.####}, accuracy {accuracy:0.###}");
            fitted.Add((kind, model, logLoss, accuracy));
        }

        if (fitted.Count == 0)
        {
            throw new InvalidOperationException("No actor trainer was selected in the options.");
        }

        var best = fitted.OrderBy(f => f.LogLoss).First();
        var onnx = OnnxExport.ToBytes(ml, best.Model, dimension, MlColumns.Score);
        float[][] raw;
        using (var session = new OnnxModelSession(onnx, MlColumns.ScoreOutput, "actor.onnx"))
        {
            raw = session.Run(calFeatures);
        }

        var temperature = TemperatureFitter.Fit(raw, calTruth);
        var calibrated = raw.Select(p => TemperatureScaling.Apply(p, temperature)).ToArray();
        var confidence = calibrated.Select(p => p.Max()).ToArray();
        var correct = calibrated.Select((p, i) => Array.IndexOf(p, p.Max()) == calTruth[i]).ToArray();
        var rawConfidence = raw.Select(p => (double)p.Max()).ToArray();
        var rawCorrect = raw.Select((p, i) => Array.IndexOf(p, p.Max()) == calTruth[i]).ToArray();
        var threshold = AbstentionRule.Choose(confidence, correct, options.TargetAcceptedAccuracy, options.MinCoverage);

        var centroids = Centroids(trainRows, classIndex, classes, dimension);
        var distances = calFeatures.Select(f => centroids.NearestDistance(f)).Order().ToArray();
        var ood = distances[Math.Clamp((int)Math.Ceiling(options.OodQuantile * distances.Length) - 1, 0, distances.Length - 1)];

        progress?.Report($"actor: chose {best.Kind}; T={temperature:0.###}, abstain below {threshold:0.###}, OOD above {ood:0.###}");
        return new ActorTrainingResult
        {
            Onnx = onnx,
            Classes = classes,
            Trainer = best.Kind.ToString(),
            Temperature = temperature,
            AbstainThreshold = threshold,
            OodThreshold = ood,
            Centroids = centroids,
            Evidence = Evidence(trainRows, classes),
            Candidates = fitted.Select(f => new TrainerCandidate(f.Kind.ToString(), f.LogLoss, f.Accuracy, f.Kind == best.Kind)).ToArray(),
            CalibrationEceBefore = CalibrationMetrics.ExpectedCalibrationError(rawConfidence, rawCorrect),
            CalibrationEceAfter = CalibrationMetrics.ExpectedCalibrationError(confidence, correct),
            MlNetModel = best.Model,
        };
    }

    private IEstimator<ITransformer> Estimator(ActorTrainerKind kind) => kind switch
    {
        ActorTrainerKind.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = MlColumns.Label,
            FeatureColumnName = MlColumns.Features,
            NumberOfIterations = options.LightGbmIterations,
            NumberOfLeaves = options.LightGbmLeaves,
            LearningRate = options.LightGbmLearningRate,
            MinimumExampleCountPerLeaf = options.LightGbmMinLeafRows,
            // One thread: LightGBM's OpenMP threads stall on 2-core machines (ML-STACK-NOTES §7), and it keeps runs repeatable.
            NumberOfThreads = 1,
            Seed = seed,
            Silent = true,
        }),
        ActorTrainerKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = MlColumns.Label,
            FeatureColumnName = MlColumns.Features,
            MaximumNumberOfIterations = options.LinearMaxIterations,
            NumberOfThreads = 1,
        }),
        ActorTrainerKind.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = MlColumns.Label,
            FeatureColumnName = MlColumns.Features,
            MaximumNumberOfIterations = options.LinearMaxIterations,
            NumberOfThreads = 1,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown trainer."),
    };

    private static (double LogLoss, double Accuracy) Validate(float[][] scores, int[] truth)
    {
        var loss = 0.0;
        var hits = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            loss -= Math.Log(Math.Max(scores[i][truth[i]], 1e-15));
            hits += Array.IndexOf(scores[i], scores[i].Max()) == truth[i] ? 1 : 0;
        }

        return (loss / scores.Length, (double)hits / scores.Length);
    }

    private static ActorCentroids Centroids(LabelledSequence[] rows, Dictionary<string, int> classIndex, string[] classes, int dimension)
    {
        var sums = new double[classes.Length, dimension];
        var counts = new int[classes.Length];
        foreach (var r in rows)
        {
            var c = classIndex[r.Actor!];
            counts[c]++;
            for (var j = 0; j < dimension; j++)
            {
                sums[c, j] += r.Features[j];
            }
        }

        var centroids = Enumerable.Range(0, classes.Length)
            .Select(c => Enumerable.Range(0, dimension).Select(j => (float)(sums[c, j] / counts[c])).ToArray())
            .ToArray();
        return new ActorCentroids(classes, centroids);
    }

    private static ActorEvidence Evidence(LabelledSequence[] rows, string[] classes)
    {
        var result = new SortedDictionary<string, IReadOnlyList<TechniqueFrequency>>(StringComparer.Ordinal);
        foreach (var label in classes)
        {
            var mine = rows.Where(r => r.Actor == label).ToArray();
            result[label] = mine
                .SelectMany(r => r.Sequence.Techniques.Select(t => t.Value).Distinct(StringComparer.Ordinal))
                .GroupBy(t => t, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new TechniqueFrequency(g.Key, Math.Round((double)g.Count() / mine.Length, 4)))
                .ToArray();
        }

        return new ActorEvidence(result);
    }
}
