namespace CstmML.Training.Simulation;

/// <summary>Generates a deterministic, labelled, synthetic corpus in the providers' native formats (<c>cstm simulate</c>).</summary>
public static class Simulator
{
    /// <summary>Generates the corpus for <paramref name="options"/> and writes it under <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public static SimulationSummary Run(SimulationOptions options, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        return CorpusWriter.Write(Generate(options), outputDirectory);
    }

    /// <summary>Generates the corpus in memory.</summary>
    internal static SimulatedCorpus Generate(SimulationOptions options) => new CorpusGenerator(options).Generate();
}
