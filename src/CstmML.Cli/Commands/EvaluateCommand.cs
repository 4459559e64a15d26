using System.CommandLine;
using CstmML.Features.Featurization;
using CstmML.Scoring.Models;
using CstmML.Training.Dataset;
using CstmML.Training.Evaluation;
using CstmML.Training.Export;
using CstmML.Training.Reports;

namespace CstmML.Cli.Commands;

/// <summary>
/// <c>cstm evaluate</c>: scores a model on the rows of a data folder it never learned from (its saved split's test groups
/// plus groups it never saw) and writes the metrics JSON, beside the plain Markov-chain baseline on the same rows.
/// Exit 0 ok; 1 some input records rejected; 2 usage, model integrity or labels errors.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("evaluate", "Evaluate a model folder on the held-out part of a labelled data folder (metrics JSON, optional report).");
        var model = new Option<DirectoryInfo>("--model", "-m") { Description = "Model folder (manifest.json, split.json, ...).", Required = true, HelpName = "DIR" };
        var data = TrainCommand.DataOption();
        var output = CliOptions.Out("the metrics JSON");
        var report = new Option<DirectoryInfo>("--report") { Description = "Also write report.md and plots/ into DIR.", HelpName = "DIR" };
        var rejects = CliOptions.Rejects();
        command.Options.Add(model);
        command.Options.Add(data);
        command.Options.Add(output);
        command.Options.Add(report);
        command.Options.Add(rejects);
        command.SetAction(parsed => VerbAction.Run(env, () =>
        {
            var progress = new TrainCommand.Progress(env);
            var modelDir = parsed.GetValue(model)!;
            using var loaded = Load(modelDir);
            progress.Report($"model {loaded.Manifest.Name} {loaded.Manifest.Version} (seed {loaded.Manifest.Seed})");
            using var reporter = new RejectReporter(env.Error, parsed.GetValue(rejects), env);
            var dataset = TrainCommand.LoadDataset(parsed.GetValue(data)!, reporter, progress, env);

            HeldOutSelection held;
            try
            {
                held = HeldOutSplit.Select(loaded.FileBytes(ModelFiles.Split), Path.Combine(modelDir.FullName, ModelFiles.Split), dataset.Rows);
            }
            catch (Exception ex) when (ex is ModelIntegrityException or InvalidDataException)
            {
                throw new CliUsageException($"--model: {ex.Message}");
            }

            progress.Report($"held out: {held.Rows.Count} sequences ({held.TestFold} in the model's test fold, {held.Unseen} never seen); {held.Excluded} trained on, left out");
            if (held.Rows.Count == 0)
            {
                throw new CliUsageException("every sequence of --data was used to train or calibrate the model; nothing is left to evaluate.");
            }

            var evaluation = ModelEvaluator.Evaluate(loaded, held.Rows);
            using (var stream = OutputFiles.Open(parsed.GetValue(output), env))
            {
                stream.Write(evaluation.MetricsUtf8());
            }

            if (parsed.GetValue(report) is { } reportDir)
            {
                WriteReport(reportDir, loaded, evaluation, held);
            }

            foreach (var line in TargetCheck.Lines(evaluation.Scalars))
            {
                env.Error.WriteLine(line);
            }

            return reporter.Count > 0 ? ExitCodes.PartialInput : ExitCodes.Ok;
        }));
        return command;
    }

    private static LoadedModel Load(DirectoryInfo dir)
    {
        try
        {
            return ModelFolder.Load(dir.FullName, FeatureSchemaBridge.ToInfo(FeatureSchema.Default));
        }
        catch (Exception ex) when (ex is ModelIntegrityException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--model {dir.FullName}: {ex.Message}");
        }
    }

    private static void WriteReport(DirectoryInfo dir, LoadedModel model, EvaluationResult evaluation, HeldOutSelection held)
    {
        try
        {
            foreach (var (path, bytes) in ReportWriter.Render(model.Manifest, evaluation, [], new SplitResult([], [], held.Rows)))
            {
                var full = Path.Combine(dir.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, bytes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--report: cannot write {dir.FullName}: {ex.Message}");
        }
    }
}
