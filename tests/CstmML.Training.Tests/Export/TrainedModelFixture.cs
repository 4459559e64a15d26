using CstmML.Training.Evaluation;
using CstmML.Training.Export;
using CstmML.Training.Tests.Evaluation;

namespace CstmML.Training.Tests.Export;

/// <summary>One model trained (with report) on the synthetic corpus and written to a temp folder, shared by a test class.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Data = SyntheticCorpus.Generate();
        Directory = Path.Combine(Path.GetTempPath(), "cstm-ml-tests", Guid.NewGuid().ToString("N"));
        Model = ModelTrainer.TrainAndWrite(Data, TinyFeaturizer.Schema, Options, Directory);
    }

    public static TrainingOptions Options { get; } = ModelTrainerTests.FastOptions with { Report = true };

    public IReadOnlyList<LabelledSequence> Data { get; }

    public string Directory { get; }

    public TrainedModel Model { get; }

    /// <summary>A fresh copy of the model folder that a test may damage.</summary>
    public string CopyFolder()
    {
        var target = Directory + "-" + Guid.NewGuid().ToString("N");
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Directory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        return target;
    }

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(Directory)!;
        foreach (var dir in System.IO.Directory.EnumerateDirectories(parent, Path.GetFileName(Directory) + "*"))
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }
}
