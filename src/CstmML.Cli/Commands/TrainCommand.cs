using System.CommandLine;
using System.Globalization;
using CstmML.Features.Featurization;
using CstmML.Scoring.Baselines;
using CstmML.Training.Actor;
using CstmML.Training.Baselines;
using CstmML.Training.Dataset;
using CstmML.Training.Export;
using CstmML.Training.Labels;

namespace CstmML.Cli.Commands;

/// <summary>
/// <c>cstm train</c>: data folder (raw exports + labels.csv) -> dataset -> actor classifier, per-role baselines and the
/// Markov comparison -> model folder (manifest, ONNX, JSON, split, schema, metrics, report). Exit 0 ok; 1 trained but
/// some input records were rejected; 2 usage or labels errors (nothing written).
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("train", "Train the actor classifier and per-role anomaly baselines on a labelled data folder and write a model folder.");
        var data = DataOption();
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Model folder to write (manifest.json last).", Required = true, HelpName = "DIR" };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and every trainer; same data + seed => same manifest hashes. Default 42.", DefaultValueFactory = _ => 42 };
        var name = new Option<string>("--name") { Description = "Model name in the manifest. Default: the --out folder's name." };
        var timeSplit = new Option<bool>("--time-split") { Description = "Split by time (train on the past, test on the future) instead of shuffled groups." };
        var tokens = new Option<TokenKind>("--tokens") { Description = "Markov tokens of the per-role baselines: Technique or AlertType (product:type). Default AlertType (with the novelty signal, better on the seed-7 development corpus, docs/models.md).", DefaultValueFactory = _ => BaselineConstants.Tokens };
        var trainers = new Option<ActorTrainerKind[]>("--trainers") { Description = "Actor trainers compared on the calibration fold (lowest log-loss wins). Default all three.", AllowMultipleArgumentsPerToken = true };
        var rejects = CliOptions.Rejects();
        command.Options.Add(tokens);
        command.Options.Add(trainers);
        command.Options.Add(data);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(name);
        command.Options.Add(timeSplit);
        command.Options.Add(rejects);
        command.SetAction(parsed => VerbAction.Run(env, () =>
        {
            var progress = new Progress(env);
            var outDir = parsed.GetValue(output)!;
            using var reporter = new RejectReporter(env.Error, parsed.GetValue(rejects), env);
            var dataset = LoadDataset(parsed.GetValue(data)!, reporter, progress, env);
            var options = new TrainingOptions
            {
                Seed = parsed.GetValue(seed),
                ModelName = parsed.GetValue(name) is { Length: > 0 } n ? n : outDir.Name,
                Split = new Training.Evaluation.SplitOptions { TimeOrdered = parsed.GetValue(timeSplit) },
                Actor = parsed.GetValue(trainers) is { Length: > 0 } kinds ? new ActorOptions { Trainers = kinds } : new ActorOptions(),
                Baselines = new BaselineOptions { Tokens = parsed.GetValue(tokens) },
                ExtraFiles = new Dictionary<string, byte[]> { [ModelFiles.FeatureSchema] = FeatureSchemaBridge.ToFileBytes(FeatureSchema.Default) },
            };

            TrainedModel model;
            try
            {
                model = ModelTrainer.TrainAndWrite(dataset.Rows, FeatureSchemaBridge.ToInfo(FeatureSchema.Default), options, outDir.FullName, progress);
            }
            catch (ArgumentException ex)
            {
                // The data cannot train a model (e.g. fewer than two actors): say so, write nothing usable.
                throw new CliUsageException($"cannot train on {parsed.GetValue(data)!.FullName}: {ex.Message}");
            }

            foreach (var line in TargetCheck.Lines(model.Manifest.Metrics))
            {
                env.Out.WriteLine(line);
            }

            env.Out.WriteLine($"model {model.Manifest.Name} written to {outDir.FullName} (trainer {model.Manifest.Actor.Trainer}, training data {model.Manifest.TrainingDataHash[..12]})");
            progress.Report("done");
            return reporter.Count > 0 ? ExitCodes.PartialInput : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>--data DIR</c>: the labelled data folder, shared with <c>cstm evaluate</c>.</summary>
    internal static Option<DirectoryInfo> DataOption() => new("--data", "-d")
    {
        Description = "Data folder: raw alert exports in any format cstm reads, plus labels.csv at its top.",
        Required = true,
        HelpName = "DIR",
    };

    /// <summary>Builds the dataset, prints label issues and the summary; label errors end the verb with exit 2.</summary>
    internal static CorpusDatasetResult LoadDataset(DirectoryInfo data, RejectReporter reporter, IProgress<string> progress, CliEnvironment env)
    {
        if (!data.Exists)
        {
            throw new CliUsageException($"--data: folder '{data.FullName}' does not exist.");
        }

        var dataset = CorpusDataset.Build(data.FullName, new CorpusDatasetOptions(), reporter.Report, progress);
        foreach (var issue in dataset.LabelIssues)
        {
            env.Error.WriteLine(issue.ToString());
        }

        if (!dataset.LabelsValid)
        {
            var errors = dataset.LabelIssues.Count(i => i.Severity == LabelIssueSeverity.Error);
            throw new CliUsageException($"{errors} error(s) in the labels (listed above with their lines); fix them and rerun. Nothing was written.");
        }

        foreach (var line in dataset.Summary.Lines())
        {
            env.Error.WriteLine(line);
        }

        return dataset;
    }

    /// <summary>Progress lines on stderr, each with the seconds elapsed since the verb started.</summary>
    internal sealed class Progress(CliEnvironment env) : IProgress<string>
    {
        private readonly long _start = env.Time.GetTimestamp();

        public void Report(string value) =>
            env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{env.Time.GetElapsedTime(_start).TotalSeconds,6:0.0}s] {value}"));
    }
}
