using CstmML.Features.Featurization;
using CstmML.Features.Sequencing;

namespace CstmML.Training.Dataset;

/// <summary>How <see cref="CorpusDataset"/> turns a data folder into labelled sequences.</summary>
public sealed record CorpusDatasetOptions
{
    /// <summary>
    /// Lateness while sequencing. Alerts are sorted by (time, id) before sequencing, so nothing arrives late; the
    /// generous value only guarantees that no session is ever closed early (sessions are exact).
    /// </summary>
    public static readonly TimeSpan TrainingLateness = TimeSpan.FromDays(2);

    /// <summary>Session rules (max gap, max span); the lateness is replaced by <see cref="TrainingLateness"/>.</summary>
    public SequencerOptions Sequencing { get; init; } = new();

    /// <summary>The featurizer layout; the model records it and refuses any other.</summary>
    public FeatureSchema Schema { get; init; } = FeatureSchema.Default;

    /// <summary>The labels file name inside the data folder.</summary>
    public string LabelsFileName { get; init; } = Labels.LabelsFile.DefaultFileName;
}
