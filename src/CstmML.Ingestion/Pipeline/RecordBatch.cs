using System.Buffers;
using System.Runtime.ExceptionServices;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Sources.Csv;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// A run of consecutive input entries (records with their raw bytes, rejects, file starts, CSV rows), the unit
/// handed from the reading thread to the workers and, in the same order, to the consumer. Its bytes are a pooled
/// buffer, returned by <see cref="Release"/> once the consumer is done.
/// </summary>
internal sealed class RecordBatch
{
    private readonly List<BatchItem> _items = new(PipelineDefaults.BatchRecords + 2);
    private byte[] _buffer;
    private int _used;
    private int _records;
    private int _takenBytes;

    public RecordBatch() => _buffer = ArrayPool<byte>.Shared.Rent(PipelineDefaults.BatchBytes);

    public IReadOnlyList<BatchItem> Items => _items;

    /// <summary>
    /// The outcome of each Record item (same index; may be shorter than <see cref="Items"/>: the rest have none), when a
    /// worker evaluated the batch or a line taker evaluated records while reading (<see cref="AddEvaluated"/>).
    /// </summary>
    public RecordOutcome[]? Outcomes { get; set; }

    /// <summary>
    /// Parallel runs: completed once a worker has evaluated the batch (entries it could not evaluate, e.g. after an
    /// unexpected exception, keep a default outcome and are evaluated by the consumer).
    /// </summary>
    public TaskCompletionSource? Done { get; set; }

    /// <summary>Parallel runs: the reading thread failed here; the consumer rethrows it in input order.</summary>
    public ExceptionDispatchInfo? Failure { get; set; }

    /// <summary>A small file the reading thread loaded whole (after its FileStart): a worker reads its records into this batch.</summary>
    public DeferredFile? Deferred { get; set; }

    /// <summary>The worker gave the deferred file back (over its budget): the consumer reads it, streaming.</summary>
    public bool Fallback { get; set; }

    /// <summary>A piece of a large JSON file the reading thread cut at line feeds: a worker reads its records into this batch.</summary>
    public FileChunk? Chunk { get; set; }

    /// <summary>The worker read <see cref="Chunk"/> exactly (ended clean or at the end of its file, no buffer excerpt): its entries and the next piece are valid.</summary>
    public bool ChunkClean { get; set; }

    /// <summary>
    /// The entries of this batch come from reading <see cref="ChunkedFile"/> in pieces: they count only while every
    /// earlier piece of that file ended clean (the consumer checks, in order).
    /// </summary>
    public ChunkedFile? ChunkOf { get; set; }

    /// <summary>Record bytes read into this batch, those of Taken entries (held as alerts, not bytes) included: what a deferred file's budget counts.</summary>
    public int BytesRead => _used + _takenBytes;

    /// <summary>Full: hand it on.</summary>
    public bool IsFull => _records >= PipelineDefaults.BatchRecords || _used >= PipelineDefaults.BatchBytes;

    /// <summary>The bytes of a Record item.</summary>
    public ReadOnlySpan<byte> Bytes(in BatchItem item) => _buffer.AsSpan(item.Start, item.Length);

    public void AddFileStart() => _items.Add(new BatchItem { Kind = BatchItemKind.FileStart });

    public void AddReject(RejectRecord reject) => _items.Add(new BatchItem { Kind = BatchItemKind.Reject, Reject = reject });

    public void AddRow(CsvRowResult row)
    {
        _items.Add(new BatchItem { Kind = BatchItemKind.Row, Row = row });
        _records++;
    }

    public void AddRecord(ReadOnlySpan<byte> raw, RawRef rawRef)
    {
        if (_used + raw.Length > _buffer.Length)
        {
            // Only the first record can be this large (IsFull stops the batch at BatchBytes); up to MaxRecordBytes.
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + raw.Length));
            _buffer.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        raw.CopyTo(_buffer.AsSpan(_used));
        _items.Add(new BatchItem { Kind = BatchItemKind.Record, Start = _used, Length = raw.Length, RawRef = rawRef });
        _used += raw.Length;
        _records++;
    }

    /// <summary>
    /// A record a line taker evaluated while reading, with its bytes: its outcome depends on the file's last winner it
    /// assumed (<see cref="RecordOutcome.Preferred"/>), which the consumer checks; if it differs the bytes are evaluated again.
    /// </summary>
    public void AddEvaluated(ReadOnlySpan<byte> raw, RawRef rawRef, in RecordOutcome outcome)
    {
        var index = _items.Count;
        AddRecord(raw, rawRef);
        var outcomes = Outcomes ?? new RecordOutcome[Math.Max(PipelineDefaults.BatchRecords, index + 1)];
        if (outcomes.Length <= index)
        {
            Array.Resize(ref outcomes, Math.Max(outcomes.Length * 2, index + 1));
        }

        outcomes[index] = outcome;
        Outcomes = outcomes;
    }

    /// <summary>The outcome of item <paramref name="index"/> if one was computed (its <see cref="RecordOutcome.RawRef"/> is set).</summary>
    public bool TryGetOutcome(int index, out RecordOutcome outcome)
    {
        var outcomes = Outcomes;
        outcome = outcomes is not null && index < outcomes.Length ? outcomes[index] : default;
        return outcome.RawRef is not null;
    }

    /// <summary>A record a fast path took while reading (independent of detection, like every fast path).</summary>
    public void AddTaken(RawRef rawRef, IAlertSource source, NormalizedAlert alert, int bytes)
    {
        _takenBytes += bytes;
        _items.Add(new BatchItem { Kind = BatchItemKind.Taken, RawRef = rawRef, Source = source, Alert = alert });
        _records++;
    }

    /// <summary>Keeps only the first <paramref name="count"/> items (entries without bytes, e.g. a FileStart).</summary>
    public void Truncate(int count)
    {
        _items.RemoveRange(count, _items.Count - count);
        Outcomes = null;
        _used = 0;
        _takenBytes = 0;
        _records = 0;
        foreach (var item in _items)
        {
            if (item.Kind is BatchItemKind.Record or BatchItemKind.Row or BatchItemKind.Taken)
            {
                _records++;
                _used = Math.Max(_used, item.Start + item.Length);
            }
        }
    }

    /// <summary>Returns the buffer to the pool; the batch must not be used afterwards.</summary>
    public void Release()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
