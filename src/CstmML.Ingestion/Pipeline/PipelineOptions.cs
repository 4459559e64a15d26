namespace CstmML.Ingestion.Pipeline;

/// <summary>Options of <see cref="AlertPipeline"/>.</summary>
public sealed record PipelineOptions
{
    /// <summary><c>auto</c> or a registered source name (<c>--format</c>). Default <see cref="PipelineDefaults.Format"/>.</summary>
    public string Format { get; init; } = PipelineDefaults.Format;

    /// <summary>How long in event time an alert id is remembered for de-duplication. Default <see cref="PipelineDefaults.DedupeWindow"/>.</summary>
    public TimeSpan DedupeWindow { get; init; } = PipelineDefaults.DedupeWindow;

    /// <summary>
    /// Threads that detect and normalize records (default <see cref="PipelineDefaults.Parallelism"/>). Above 1, one
    /// more thread reads the input and the enumerating thread counts and de-duplicates; the output, rejects and
    /// counters are exactly those of 1, in the same order.
    /// </summary>
    public int Parallelism { get; init; } = PipelineDefaults.Parallelism;

    /// <summary>Limits of the JSON reader.</summary>
    public ReaderOptions Reader { get; init; } = new();

    /// <summary>
    /// Whether records may take the document-free fast paths (default true). Off only to prove in tests that the
    /// fast paths change nothing.
    /// </summary>
    internal bool FastPaths { get; init; } = true;

    /// <summary>
    /// Parallel runs: JSON files up to this size on disk are read whole by the reading thread and decoded on a worker
    /// (<see cref="DeferredFile"/>); 0 turns it off. Default <see cref="PipelineDefaults.DeferFileBytes"/>.
    /// </summary>
    internal int DeferFileBytes { get; init; } = PipelineDefaults.DeferFileBytes;

    /// <summary>Record bytes a worker may hold for one deferred file. Default <see cref="PipelineDefaults.DeferredRecordBytes"/>.</summary>
    internal int DeferredRecordBytes { get; init; } = PipelineDefaults.DeferredRecordBytes;

    /// <summary>
    /// Parallel runs: larger plain JSON files are cut at line feeds into pieces of about this many bytes, each read by a
    /// worker (<see cref="FileChunk"/>); 0 turns it off. Default <see cref="PipelineDefaults.ChunkBytes"/>; tests use tiny ones.
    /// </summary>
    internal int ChunkBytes { get; init; } = PipelineDefaults.ChunkBytes;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Parallelism, 1, nameof(Parallelism));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Parallelism, PipelineDefaults.MaxParallelism, nameof(Parallelism));
        ArgumentNullException.ThrowIfNull(Reader);
        Reader.Validate();
    }
}
