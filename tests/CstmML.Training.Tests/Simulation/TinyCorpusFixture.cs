using CstmML.Training.Simulation;

namespace CstmML.Training.Tests.Simulation;

/// <summary>One small corpus generated and written once for the simulation tests.</summary>
public sealed class TinyCorpusFixture : IDisposable
{
    public TinyCorpusFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cstm-sim-" + Guid.NewGuid().ToString("N"));
        Corpus = Simulator.Generate(Options);
        Summary = Simulator.Run(Options, Directory);
    }

    /// <summary>Two days, one AWS account, six incidents per actor: seconds to generate, every actor present.</summary>
    public static SimulationOptions Options { get; } = new() { Seed = 7, Days = 2, BenignSequences = 30, IncidentsPerActor = 6 };

    public string Directory { get; }

    internal SimulatedCorpus Corpus { get; }

    public SimulationSummary Summary { get; }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
