using CstmML.Core.Models;
using CstmML.Training.Actor;
using CstmML.Training.Evaluation;

namespace CstmML.Training.Export;

/// <summary>A trained model held in memory: its manifest, every file's bytes, and its test-fold evaluation.</summary>
public sealed record TrainedModel
{
    public required ModelManifest Manifest { get; init; }

    /// <summary>Relative path to bytes, sorted by path (the manifest is not among them).</summary>
    public required IReadOnlyDictionary<string, byte[]> Files { get; init; }

    public required EvaluationResult Evaluation { get; init; }

    public required SplitResult Split { get; init; }

    public required IReadOnlyList<TrainerCandidate> TrainerCandidates { get; init; }

    /// <summary>Stage timings (not written to the folder: they would make its bytes differ run to run).</summary>
    public required IReadOnlyDictionary<string, TimeSpan> Timings { get; init; }

    /// <summary>Writes the model folder; returns the manifest written.</summary>
    public ModelManifest WriteTo(string directory) => ModelFolderWriter.Write(directory, Manifest, Files);
}
