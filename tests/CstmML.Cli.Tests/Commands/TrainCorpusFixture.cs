using CstmML.Training.Simulation;

namespace CstmML.Cli.Tests.Commands;

/// <summary>A tiny simulated corpus (seconds to train on) written once for the train/evaluate tests.</summary>
public sealed class TrainCorpusFixture : IDisposable
{
    public TrainCorpusFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cstm-train-" + Guid.NewGuid().ToString("N"));
        Simulator.Run(new SimulationOptions { Seed = 7, Days = 2, BenignSequences = 30, IncidentsPerActor = 6 }, Directory);
    }

    public string Directory { get; }

    /// <summary>Copies the corpus into <paramref name="target"/> so a test can edit its labels.</summary>
    public void CopyTo(string target)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Directory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
