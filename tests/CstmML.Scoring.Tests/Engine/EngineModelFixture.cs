using CstmML.Features.Featurization;
using CstmML.Scoring.Engine;
using CstmML.Training.Evaluation;
using CstmML.Training.Export;

namespace CstmML.Scoring.Tests.Engine;

/// <summary>One model trained on <see cref="EngineCorpus"/> with the real featurizer and written to a temp folder.</summary>
public sealed class EngineModelFixture : IDisposable
{
    public EngineModelFixture()
    {
        var featurizer = new SequenceFeaturizer();
        Data = EngineCorpus.Generate(featurizer);
        Directory = Path.Combine(Path.GetTempPath(), "cstm-engine-tests", Guid.NewGuid().ToString("N"));
        ModelTrainer.TrainAndWrite(Data, ScoringEngine.SchemaInfo(featurizer.Schema), Options, ModelDirectory);
    }

    /// <summary>Fast, seeded training (few boosting rounds, no report).</summary>
    public static TrainingOptions Options { get; } = new()
    {
        Seed = 3,
        ModelName = "engine-test",
        ModelVersion = "0.0.1",
        Actor = new() { LightGbmIterations = 20, LinearMaxIterations = 50 },
        Report = false,
    };

    internal IReadOnlyList<LabelledSequence> Data { get; }

    /// <summary>The temp root; the model is in <see cref="ModelDirectory"/>.</summary>
    public string Directory { get; }

    public string ModelDirectory => Path.Combine(Directory, "model");

    /// <summary>The shipped playbook library.</summary>
    public static string PlaybooksDirectory => Path.Combine(RepoRoot(), "models", "playbooks");

    public ScoringEngine Load() => ScoringEngine.Load(ModelDirectory, new ScoringEngineOptions { PlaybooksDirectory = PlaybooksDirectory });

    /// <summary>A fresh copy of the model folder that a test may damage.</summary>
    public string CopyModel()
    {
        var target = Path.Combine(Directory, Guid.NewGuid().ToString("N"));
        foreach (var file in System.IO.Directory.EnumerateFiles(ModelDirectory, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(ModelDirectory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        return target;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CstmML.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CstmML.sln not found above the test binaries.");
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
