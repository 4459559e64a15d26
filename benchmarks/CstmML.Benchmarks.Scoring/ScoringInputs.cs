using CstmML.Core.Sequences;
using CstmML.Features.Sequencing;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Benchmarks.Scoring;

/// <summary>Sequences built from real input files through the same ingestion and sequencing as <c>cstm score</c>.</summary>
internal static class ScoringInputs
{
    /// <summary>Repository root found from the working directory (the folder holding CstmML.sln).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CstmML.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run from inside the repository (CstmML.sln not found above the working directory).");
    }

    /// <summary>Loads <paramref name="input"/> (file, folder or glob) and cuts it into sequences.</summary>
    public static IReadOnlyList<AlertSequence> Load(string input)
    {
        var rejected = 0;
        var alerts = new AlertPipeline(SourceRegistry.Default, new PipelineOptions(), _ => rejected++).Run([input]);
        var sequences = BatchSequencing.Sequence(alerts);
        if (rejected > 0)
        {
            Console.Error.WriteLine($"{rejected} records rejected while loading {input}");
        }

        return sequences;
    }
}
