using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// What became of one raw record (computed by <see cref="RecordProcessor"/>, possibly on a worker thread), before
/// anything is counted: the pipeline applies outcomes in input order on one thread.
/// </summary>
internal readonly record struct RecordOutcome
{
    /// <summary>Where the record came from.</summary>
    public required RawRef RawRef { get; init; }

    /// <summary>The source that took the record; null: no source matched (unknown shape).</summary>
    public IAlertSource? Source { get; init; }

    /// <summary>The alert of a fast path (no notes, never a rejection).</summary>
    public NormalizedAlert? Alert { get; init; }

    /// <summary>The source's result (document path).</summary>
    public NormalizeResult? Result { get; init; }

    /// <summary>The reason when the source threw.</summary>
    public string? Failure { get; init; }

    /// <summary>True when the outcome is the same whatever source detection would have asked first.</summary>
    public bool Independent { get; init; }

    /// <summary>The preferred source (the file's last winner) the detection was asked with.</summary>
    public IAlertSource? Preferred { get; init; }

    /// <summary>The record excerpt, computed only when the record is rejected.</summary>
    public string? Excerpt { get; init; }
}
