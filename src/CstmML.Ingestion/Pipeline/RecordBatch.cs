using System.Buffers;
using System.Runtime.ExceptionServices;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Sources.Csv;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// A run of consecutive input entries (records with their raw bytes, rejects, file starts, CSV rows), the unit
/// handed from the reading thread to the workers and, in the same order, to the consumer. Its bytes, entries and
/// outcomes are pooled arrays, returned by <see cref="Release"/> once the consumer is done: as fresh arrays they were
/// about 300 bytes allocated per record (a 256 KiB piece of normalized lines holds ~350 records, so the entry list
/// grew twice), an eighth of everything a score run allocated.
/// </summary>
internal sealed class RecordBatch
{
    private BatchItem[] _items = ArrayPool<BatchItem>.Shared.Rent(PipelineDefaults.BatchRecords + 2);
    private int _count;
    private RecordOutcome[]? _outcomes;
    private byte[] _buffer;
    private int _used;
    private int _records;
    private int _takenBytes;

    public RecordBatch() => _buffer = ArrayPool<byte>.Shared.Rent(PipelineDefaults.BatchBytes);

    /// <summary>The entries, in input order (valid until <see cref="Release"/>).</summary>
    public ReadOnlySpan<BatchItem> Items => _items.AsSpan(0, _count);

    /// <summary>
    /// The outcome of each Record item (same index; may be shorter or longer than <see cref="Items"/>: entries without
    /// one have a default outcome), when a worker evaluated the batch or a line taker evaluated records while reading
    /// (<see cref="AddEvaluated"/>). Pooled: set through <see cref="EnsureOutcomes"/>.
    /// </summary>
    public RecordOutcome[]? Outcomes => _outcomes;

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

    public void AddFileStart() => Add(new BatchItem { Kind = BatchItemKind.FileStart });

    public void AddReject(RejectRecord reject) => Add(new BatchItem { Kind = BatchItemKind.Reject, Reject = reject });

    public void AddRow(CsvRowResult row)
    {
        Add(new BatchItem { Kind = BatchItemKind.Row, Row = row });
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
        Add(new BatchItem { Kind = BatchItemKind.Record, Start = _used, Length = raw.Length, RawRef = rawRef });
        _used += raw.Length;
        _records++;
    }

    /// <summary>
    /// A record a line taker evaluated while reading, with its bytes: its outcome depends on the file's last winner it
    /// assumed (<see cref="RecordOutcome.Preferred"/>), which the consumer checks; if it differs the bytes are evaluated again.
    /// </summary>
    public void AddEvaluated(ReadOnlySpan<byte> raw, RawRef rawRef, in RecordOutcome outcome)
    {
        var index = _count;
        AddRecord(raw, rawRef);
        EnsureOutcomes(Math.Max(PipelineDefaults.BatchRecords, index + 1))[index] = outcome;
    }

    /// <summary>
    /// <see cref="Outcomes"/> with room for at least <paramref name="count"/> (grown from the pool by doubling, the
    /// outcomes so far kept).
    /// </summary>
    public RecordOutcome[] EnsureOutcomes(int count)
    {
        if (_outcomes is { } current && current.Length >= count)
        {
            return current;
        }

        var grown = ArrayPool<RecordOutcome>.Shared.Rent(Math.Max(Math.Max(count, 1), (_outcomes?.Length ?? 0) * 2));
        if (_outcomes is { } old)
        {
            old.AsSpan().CopyTo(grown);
            ArrayPool<RecordOutcome>.Shared.Return(old, clearArray: true);
        }

        return _outcomes = grown;
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
        Add(new BatchItem { Kind = BatchItemKind.Taken, RawRef = rawRef, Source = source, Alert = alert });
        _records++;
    }

    /// <summary>Keeps only the first <paramref name="count"/> items (entries without bytes, e.g. a FileStart).</summary>
    public void Truncate(int count)
    {
        _items.AsSpan(count, _count - count).Clear();
        _count = count;
        ReturnOutcomes();
        _used = 0;
        _takenBytes = 0;
        _records = 0;
        foreach (var item in Items)
        {
            if (item.Kind is BatchItemKind.Record or BatchItemKind.Row or BatchItemKind.Taken)
            {
                _records++;
                _used = Math.Max(_used, item.Start + item.Length);
            }
        }
    }

    /// <summary>Returns the buffer, entries and outcomes to their pools (once); the batch must not be used afterwards.</summary>
    public void Release()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        if (_items.Length > 0)
        {
            // Cleared: entries hold alerts and rejects, which must not outlive the batch in the pool.
            ArrayPool<BatchItem>.Shared.Return(_items, clearArray: true);
            _items = [];
            _count = 0;
        }

        ReturnOutcomes();
    }

    private void Add(in BatchItem item)
    {
        if (_count == _items.Length)
        {
            var grown = ArrayPool<BatchItem>.Shared.Rent(Math.Max(PipelineDefaults.BatchRecords + 2, _count * 2));
            _items.AsSpan(0, _count).CopyTo(grown);
            if (_items.Length > 0)
            {
                ArrayPool<BatchItem>.Shared.Return(_items, clearArray: true);
            }

            _items = grown;
        }

        _items[_count++] = item;
    }

    private void ReturnOutcomes()
    {
        if (_outcomes is { } outcomes)
        {
            ArrayPool<RecordOutcome>.Shared.Return(outcomes, clearArray: true);
            _outcomes = null;
        }
    }
}
