namespace CstmML.Ingestion.Pipeline;

/// <summary>Defaults of <see cref="PipelineOptions"/>, each with the reason for its value.</summary>
public static class PipelineDefaults
{
    /// <summary><c>auto</c>: every record is offered to each registered source's <c>Matches</c>.</summary>
    public const string Format = "auto";

    /// <summary>
    /// 24 hours of event time: providers re-deliver (CloudTrail may deliver an event twice; GuardDuty updates a
    /// finding in place) within hours, and 24 h equals the default maximum session span, so a duplicate can never
    /// reach two sequences. Memory is one id per alert of the last 24 h of event time.
    /// </summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromHours(24);

    /// <summary>1: records are evaluated on the enumerating thread, so one run uses one core unless asked for more.</summary>
    public const int Parallelism = 1;

    /// <summary>64: far above any useful thread count for one input stream; a guard against typos.</summary>
    public const int MaxParallelism = 64;

    /// <summary>256 records per batch: large enough that handing a batch between threads costs little per record.</summary>
    public const int BatchRecords = 256;

    /// <summary>256 KiB of record bytes per batch (about 220 CloudTrail records); one larger record gets its own batch.</summary>
    public const int BatchBytes = 256 * 1024;

    /// <summary>4 batches queued per worker: keeps workers busy while the consumer catches up, and bounds memory.</summary>
    public const int BatchesInFlightPerWorker = 4;

    /// <summary>
    /// 1 MiB: JSON files up to this size on disk are decoded on a worker in parallel runs, whole. CloudTrail log files
    /// (gzip, a few KB to a few hundred KB) all qualify; one thread decompressing and splitting thousands of them was
    /// the limit of scoring an S3 export.
    /// </summary>
    public const int DeferFileBytes = 1024 * 1024;

    /// <summary>
    /// 4 MiB: the record bytes a worker holds for one such file (a batch of its own; up to 6 batches per worker are in
    /// flight); a file that decompresses to more (a busy account's log file, a high-ratio gzip) is read again by the
    /// consumer, streaming, so memory stays bounded and the output the same.
    /// </summary>
    public const int DeferredRecordBytes = 4 * 1024 * 1024;

    /// <summary>
    /// 256 KiB: in parallel runs a larger plain (uncompressed) JSON file is cut at line feeds into pieces of about this
    /// size, each read and evaluated by a worker with the fast line readers, so a JSON Lines record is tokenized once, on
    /// a worker, not first by the one reading thread. About one batch of records (<see cref="BatchBytes"/>): a piece's
    /// entry and outcome arrays stay small (with 1 MiB pieces they reach the large-object heap; the workers used about
    /// 30 % more CPU in one measurement), and the pieces in flight stay a few MiB.
    /// </summary>
    public const int ChunkBytes = 256 * 1024;

    /// <summary>At most this many distinct notes are kept; the rest are counted under one overflow note.</summary>
    public const int MaxDistinctNotes = 1000;
}
