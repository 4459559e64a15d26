using System.Text;
using System.Text.Json;
using CstmML.Core.Serialization;
using CstmML.Features.Featurization;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Tests.Engine;
using CstmML.Training.Export;

namespace CstmML.Cli.Tests.Commands;

/// <summary>A tiny model trained on <see cref="EngineCorpus"/> plus an input file of normalized alerts (benign and incidents).</summary>
public sealed class ScoreModelFixture : IDisposable
{
    public ScoreModelFixture()
    {
        var featurizer = new SequenceFeaturizer();
        Root = Path.Combine(Path.GetTempPath(), "cstm-score-cli", Guid.NewGuid().ToString("N"));
        ModelDirectory = Path.Combine(Root, "model");
        ModelTrainer.TrainAndWrite(EngineCorpus.Generate(featurizer), ScoringEngine.SchemaInfo(featurizer.Schema), new TrainingOptions
        {
            Seed = 3,
            ModelName = "cli-test",
            ModelVersion = "0.0.1",
            Actor = new() { LightGbmIterations = 20, LinearMaxIterations = 50 },
            Report = false,
        }, ModelDirectory);

        // For docs/performance/scoring.md: CSTM_KEEP_TEST_MODEL=DIR keeps a copy of the tiny model to measure with.
        if (Environment.GetEnvironmentVariable("CSTM_KEEP_TEST_MODEL") is { Length: > 0 } keep)
        {
            foreach (var f in Directory.EnumerateFiles(ModelDirectory, "*", SearchOption.AllDirectories))
            {
                var dest = Path.Combine(keep, Path.GetRelativePath(ModelDirectory, f));
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.Copy(f, dest, overwrite: true);
            }
        }

        var random = new Random(23);
        var start = EngineCorpus.Epoch.AddDays(90);
        var alerts = Enumerable.Range(0, 40)
            .Select(i => i % 4 == 3 ? EngineCorpus.Incident(i % 3, i % 3, start.AddHours(3 * i), random, $"in{i}") : EngineCorpus.Benign(i % 3, start.AddHours(3 * i), random, $"bn{i}"))
            .SelectMany(s => s.Alerts);
        var text = new StringBuilder();
        foreach (var a in alerts)
        {
            text.Append(JsonSerializer.Serialize(a, CstmJsonContext.Default.NormalizedAlert)).Append('\n');
        }

        InputFile = Path.Combine(Root, "alerts.jsonl");
        File.WriteAllText(InputFile, text.ToString());
    }

    public string Root { get; }

    public string ModelDirectory { get; }

    public string InputFile { get; }

    public static string PlaybooksDirectory => ScoreRepoPaths.Of("models/playbooks");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
