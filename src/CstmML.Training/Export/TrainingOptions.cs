using CstmML.Training.Actor;
using CstmML.Training.Baselines;
using CstmML.Training.Evaluation;

namespace CstmML.Training.Export;

/// <summary>Everything <see cref="ModelTrainer"/> needs besides the data; the seed drives the split and every trainer.</summary>
public sealed record TrainingOptions
{
    public int Seed { get; init; } = 1;

    public string ModelName { get; init; } = "cstm";

    public string ModelVersion { get; init; } = "0.1.0";

    /// <summary>Split fractions and mode; its seed is replaced by <see cref="Seed"/>.</summary>
    public SplitOptions Split { get; init; } = new();

    public ActorOptions Actor { get; init; } = new();

    public BaselineOptions Baselines { get; init; } = new();

    /// <summary>More files for the model folder (e.g. <c>feature_schema.json</c>), listed and hashed in the manifest.</summary>
    public IReadOnlyDictionary<string, byte[]> ExtraFiles { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>Write report.md and the PNG plots.</summary>
    public bool Report { get; init; } = true;
}
