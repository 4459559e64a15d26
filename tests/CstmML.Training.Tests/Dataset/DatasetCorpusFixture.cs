using CstmML.Training.Dataset;
using CstmML.Training.Simulation;

namespace CstmML.Training.Tests.Dataset;

/// <summary>A small simulated corpus written once, and its dataset built once, for the dataset tests.</summary>
public sealed class DatasetCorpusFixture : IDisposable
{
    public DatasetCorpusFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cstm-ds-" + Guid.NewGuid().ToString("N"));
        Simulator.Run(new SimulationOptions { Seed = 11, Days = 3, BenignSequences = 40, IncidentsPerActor = 6 }, Directory);
        Result = CorpusDataset.Build(Directory, onReject: Rejects.Add);
    }

    public string Directory { get; }

    public CorpusDatasetResult Result { get; }

    public List<Core.Serialization.RejectRecord> Rejects { get; } = [];

    /// <summary>Copies the corpus into <paramref name="target"/> (to edit its labels without touching the shared one).</summary>
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
