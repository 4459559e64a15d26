using System.Diagnostics;
using CstmML.Core.Attack;
using CstmML.Core.Models;
using CstmML.Scoring.Models;
using CstmML.Training.Actor;
using CstmML.Training.Baselines;
using CstmML.Training.Dataset;
using CstmML.Training.Evaluation;
using CstmML.Training.Reports;
using Microsoft.ML;

namespace CstmML.Training.Export;

/// <summary>
/// The <c>cstm train</c> entry point: validate, split (grouped, seeded), train the actor classifier and the per-role
/// baselines, fit the plain Markov comparison, evaluate everything on the test fold through the runtime scorers, and
/// assemble the model folder (manifest, ONNX, JSON, metrics, report) in memory.
/// </summary>
public static class ModelTrainer
{
    /// <summary>Trains a model; deterministic for the same rows (in any order), schema and options.</summary>
    public static TrainedModel Train(
        IReadOnlyList<LabelledSequence> data, FeatureSchemaInfo schema, TrainingOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        var timings = new SortedDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        LabelledSequenceValidator.Validate(data, schema.Dimension);
        var duplicate = data.GroupBy(r => r.Sequence.SequenceId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"sequence '{duplicate.Key}' appears {duplicate.Count()} times; sequence ids must be unique.", nameof(data));
        }

        // Canonical order: results must not depend on how the caller listed the rows.
        var rows = data.OrderBy(r => r.Sequence.SequenceId, StringComparer.Ordinal).ToArray();
        var splitOptions = options.Split with { Seed = options.Seed };
        var split = GroupedSplit.Split(rows, splitOptions);
        progress?.Report($"split: train {split.Train.Count}, calibration {split.Calibration.Count}, test {split.Test.Count}");
        var ml = new MLContext(seed: options.Seed);
        Lap(timings, clock, "prepare");

        var actor = new ActorClassifierTrainer(ml, options.Actor, options.Seed, progress).Train(split.Train, split.Calibration, schema.Dimension);
        Lap(timings, clock, "actor");
        var baselines = new BaselineTrainer(ml, options.Baselines, progress).Train(split.Train, schema.Dimension);
        var plain = PlainMarkovBaseline.Fit(split.Train, options.Baselines.Alpha, options.Baselines.MinRoleHistory);
        Lap(timings, clock, "baselines");

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ModelFiles.ActorOnnx] = actor.Onnx,
            [ModelFiles.ActorCentroids] = ArtifactJson.ToUtf8(actor.Centroids, ScoringJsonContext.Default.ActorCentroids),
            [ModelFiles.ActorEvidence] = ArtifactJson.ToUtf8(actor.Evidence, ScoringJsonContext.Default.ActorEvidence),
            [ModelFiles.Baselines] = ArtifactJson.ToUtf8(baselines.Set, ScoringJsonContext.Default.BaselineSet),
            [ModelFiles.MarkovComparison] = ArtifactJson.ToUtf8(plain, TrainingJsonContext.Default.PlainMarkovBaseline),

            // The fold of every group, so `cstm evaluate` can score exactly the rows the model never learned from.
            [ModelFiles.Split] = HeldOutSplit.ToJson(split, splitOptions),
        };
        foreach (var (path, bytes) in options.ExtraFiles)
        {
            files[path] = bytes;
        }

        foreach (var (path, bytes) in baselines.KMeansFiles)
        {
            files[path] = bytes;
        }

        var manifest = new ModelManifest
        {
            Name = options.ModelName,
            Version = options.ModelVersion,
            FeatureSchema = schema,
            AttackVersion = AttackCatalog.PinnedVersion,
            Seed = options.Seed,
            TrainingDataHash = TrainingDataHash.Compute(rows),
            PackageVersions = PackageVersions.Current(),
            Actor = new ActorManifest
            {
                OnnxFile = ModelFiles.ActorOnnx,
                InputName = MlColumns.Features,
                ScoreOutput = MlColumns.ScoreOutput,
                ClassLabels = actor.Classes,
                Trainer = actor.Trainer,
                Temperature = actor.Temperature,
                AbstainThreshold = actor.AbstainThreshold,
                OodDistanceThreshold = actor.OodThreshold,
                OodQuantile = options.Actor.OodQuantile,
                CentroidsFile = ModelFiles.ActorCentroids,
                EvidenceFile = ModelFiles.ActorEvidence,
            },
            Baselines = new BaselineManifest
            {
                File = ModelFiles.Baselines,
                Tokens = baselines.Set.Tokens == Scoring.Baselines.TokenKind.AlertType ? "alert_type" : "technique",
                MinRoleHistory = options.Baselines.MinRoleHistory,
                ThresholdQuantile = options.Baselines.ThresholdQuantile,
                Combination = options.Baselines.CombinationName(),
                ComparisonFile = ModelFiles.MarkovComparison,
            },
            Metrics = new SortedDictionary<string, double>(StringComparer.Ordinal),
            Files = ModelFolderWriter.Describe(files),
        };

        // Evaluate through the same runtime code the scorer uses, on artifacts not yet written.
        EvaluationResult evaluation;
        using (var loaded = LoadedModel.FromArtifacts(manifest, files))
        {
            evaluation = ModelEvaluator.Evaluate(loaded, split.Test);
        }

        Lap(timings, clock, "evaluate");
        files[ModelFiles.Metrics] = evaluation.MetricsUtf8();
        if (options.Report)
        {
            foreach (var (path, bytes) in ReportWriter.Render(manifest, evaluation, actor.Candidates, split))
            {
                files[path] = bytes;
            }
        }

        Lap(timings, clock, "report");
        manifest = manifest with { Metrics = evaluation.Scalars, Files = ModelFolderWriter.Describe(files) };
        return new TrainedModel
        {
            Manifest = manifest,
            Files = files,
            Evaluation = evaluation,
            Split = split,
            TrainerCandidates = actor.Candidates,
            Timings = timings,
        };
    }

    /// <summary>Trains and writes the model folder in one call (what <c>cstm train</c> does).</summary>
    public static TrainedModel TrainAndWrite(
        IReadOnlyList<LabelledSequence> data, FeatureSchemaInfo schema, TrainingOptions options, string outDirectory, IProgress<string>? progress = null)
    {
        var model = Train(data, schema, options, progress);
        model.WriteTo(outDirectory);
        progress?.Report($"wrote {model.Files.Count + 1} files to {outDirectory}");
        return model;
    }

    private static void Lap(SortedDictionary<string, TimeSpan> timings, Stopwatch clock, string stage)
    {
        timings[stage] = clock.Elapsed;
        clock.Restart();
    }
}
