namespace CstmML.Ingestion.Pipeline;

/// <summary>Options of <see cref="AlertPipeline"/>.</summary>
public sealed record PipelineOptions
{
    /// <summary><c>auto</c> or a registered source name (<c>--format</c>). Default <see cref="PipelineDefaults.Format"/>.</summary>
    public string Format { get; init; } = PipelineDefaults.Format;

    /// <summary>How long in event time an alert id is remembered for de-duplication. Default <see cref="PipelineDefaults.DedupeWindow"/>.</summary>
    public TimeSpan DedupeWindow { get; init; } = PipelineDefaults.DedupeWindow;

    /// <summary>Limits of the JSON reader.</summary>
    public ReaderOptions Reader { get; init; } = new();
}
