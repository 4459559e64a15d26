using System.CommandLine;
using System.Text.Json;
using CstmML.Cli.Commands;
using CstmML.Core.Models;
using CstmML.Features.Featurization;
using CstmML.Scoring.Models;
using CstmML.Testing;
using CstmML.Training.Dataset;

namespace CstmML.Cli.Tests.Commands;

public sealed class TrainCommandTests(TrainCorpusFixture corpus) : IClassFixture<TrainCorpusFixture>
{
    private static readonly string[] RequiredMetrics =
    [
        "actor.macro_f1", "actor.ece", "actor.abstain_rate", "anomaly.roc_auc", "anomaly.tpr_at_1pct_fpr",
        "markov_baseline.actor.macro_f1", "markov_baseline.anomaly.roc_auc", "markov_baseline.anomaly.tpr_at_1pct_fpr",
    ];

    [Fact]
    public void Train_TinyCorpus_WritesLoadableModelThatEvaluates()
    {
        using var dir = new TempDir();
        var model = Path.Combine(dir.Path, "m");
        var harness = new CliHarness();

        Assert.Equal(ExitCodes.Ok, Run(harness, "train", "--data", corpus.Directory, "--out", model, "--seed", "3"));
        Assert.Contains("split: train", harness.Stderr, StringComparison.Ordinal);
        Assert.Contains("dataset: sequences per actor", harness.Stderr, StringComparison.Ordinal);

        using (var loaded = ModelFolder.Load(model, FeatureSchemaBridge.ToInfo(FeatureSchema.Default)))
        {
            Assert.Contains(loaded.Manifest.Files, f => f.Path == FeatureSchemaBridge.FileName);
            Assert.Contains(loaded.Manifest.Files, f => f.Path == HeldOutSplit.FileName);
            Assert.Equal(FeatureSchema.Default.ToJson().ReplaceLineEndings("\n") + "\n", System.Text.Encoding.UTF8.GetString(loaded.FileBytes(FeatureSchemaBridge.FileName)));
        }

        var metricsFile = dir.File("metrics.json");
        var eval = new CliHarness();
        Assert.Equal(ExitCodes.Ok, Run(eval, "evaluate", "--model", model, "--data", corpus.Directory, "--out", metricsFile, "--report", dir.File("report")));
        Assert.Contains("held out:", eval.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.File("report"), "report.md")));

        using var json = JsonDocument.Parse(File.ReadAllBytes(metricsFile));
        foreach (var key in RequiredMetrics)
        {
            var node = key.Split('.').Aggregate(json.RootElement, (e, part) => e.GetProperty(part));
            Assert.True(double.IsFinite(node.GetDouble()), key);
        }

        // The held-out rows are the model's own test fold, so evaluate reproduces the metrics written at training time.
        var manifest = ModelManifestJson.Parse(File.ReadAllBytes(Path.Combine(model, ModelConstants.ManifestFileName)));
        Assert.Equal(manifest.Metrics["actor.macro_f1"], json.RootElement.GetProperty("actor").GetProperty("macro_f1").GetDouble(), 12);
        Assert.Equal(manifest.Metrics["anomaly.roc_auc"], json.RootElement.GetProperty("anomaly").GetProperty("roc_auc").GetDouble(), 12);
    }

    [Fact]
    public void Train_SameSeedTwice_SameManifestHashes()
    {
        using var dir = new TempDir();
        var a = Path.Combine(dir.Path, "a");
        var b = Path.Combine(dir.Path, "b");

        Assert.Equal(ExitCodes.Ok, Run(new CliHarness(), "train", "--data", corpus.Directory, "--out", a, "--seed", "5", "--name", "m"));
        Assert.Equal(ExitCodes.Ok, Run(new CliHarness(), "train", "--data", corpus.Directory, "--out", b, "--seed", "5", "--name", "m"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(a, ModelConstants.ManifestFileName)), File.ReadAllBytes(Path.Combine(b, ModelConstants.ManifestFileName)));
    }

    [Theory]
    [InlineData("incident,111122223333,arn:aws:iam::111122223333:role/nobody,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,pacu,c-x,", "[principal] Unknown principal")]
    [InlineData("incident,acct,arn:x,2026-03-02T10:00:00Z,2026-03-02T09:00:00Z,,pacu,c-x,", "[end] End")]
    [InlineData("incident,acct,\"arn:x,2026-03-02T10:00:00Z,,,pacu,c-x,", "Malformed row")]
    [InlineData("attack,acct,arn:x,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,pacu,c-x,", "[kind] Unknown kind")]
    public void Train_BadLabelsRow_Exit2WithLabelsLine(string row, string expected)
    {
        using var dir = new TempDir();
        corpus.CopyTo(dir.Path);
        var labels = Path.Combine(dir.Path, "labels.csv");
        var line = File.ReadAllLines(labels).Length + 1;
        File.AppendAllText(labels, row + "\n");
        var harness = new CliHarness();

        Assert.Equal(ExitCodes.Usage, Run(harness, "train", "--data", dir.Path, "--out", dir.File("m")));

        Assert.Contains($"labels.csv:{line}: ERROR", harness.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, harness.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", harness.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("m")));
    }

    [Fact]
    public void Train_OverlappingIncidentWindows_Exit2NamesBothLines()
    {
        using var dir = new TempDir();
        corpus.CopyTo(dir.Path);
        var labels = Path.Combine(dir.Path, "labels.csv");
        var first = File.ReadAllLines(labels).Length + 1;
        File.AppendAllText(labels,
            "incident,acct,arn:p,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,pacu,c-1,\n" +
            "incident,acct,arn:p,2026-03-02T10:30:00Z,2026-03-02T12:00:00Z,,teamtnt,c-2,\n");
        var harness = new CliHarness();

        Assert.Equal(ExitCodes.Usage, Run(harness, "train", "--data", dir.Path, "--out", dir.File("m")));

        Assert.Contains($"labels.csv:{first + 1}: ERROR [start]", harness.Stderr, StringComparison.Ordinal);
        Assert.Contains($"overlaps line {first}", harness.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_CorruptInputFile_TrainsAndExits1()
    {
        using var dir = new TempDir();
        corpus.CopyTo(dir.Path);
        dir.Write("guardduty/broken.jsonl", "{not json\n");
        var harness = new CliHarness();

        Assert.Equal(ExitCodes.PartialInput, Run(harness, "train", "--data", dir.Path, "--out", dir.File("m"), "--seed", "3"));

        Assert.Contains("broken.jsonl", harness.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.File("m"), ModelConstants.ManifestFileName)));
    }

    [Fact]
    public void Train_MissingDataFolder_Exit2()
    {
        var harness = new CliHarness();
        Assert.Equal(ExitCodes.Usage, Run(harness, "train", "--data", "/no/such/folder", "--out", "/tmp/never"));
        Assert.Contains("--data", harness.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the train and evaluate verbs exactly as Program.cs registers them.</summary>
    internal static int Run(CliHarness harness, params string[] args)
    {
        var root = new RootCommand("cstm test");
        root.Subcommands.Add(TrainCommand.Create(harness.Env));
        root.Subcommands.Add(EvaluateCommand.Create(harness.Env));
        return CliRunner.Invoke(root, args, harness.Env);
    }
}
