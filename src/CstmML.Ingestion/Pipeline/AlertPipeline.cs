using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Sources.Csv;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Input files to normalized alerts: read (streaming) -> unwrap -> detect the format -> normalize -> drop duplicate
/// ids -> yield. Nothing in the input can stop a run: every bad record, region or file becomes a
/// <see cref="RejectRecord"/> passed to the reject handler and counted, and the rest flows.
/// </summary>
public sealed class AlertPipeline
{
    private readonly SourceRegistry _registry;
    private readonly PipelineOptions _options;
    private readonly Action<RejectRecord> _onReject;
    private readonly IAlertSource? _forced;
    private readonly IdDeduplicator _dedupe;
    private readonly RecordProcessor _processor;
    private readonly BatchSource _batches;
    private readonly List<RecordProcessor> _workerProcessors = [];

    /// <param name="registry">The sources to detect and normalize with.</param>
    /// <param name="options">Format and limits.</param>
    /// <param name="onReject">Called for every reject, in input order (after it is counted).</param>
    /// <exception cref="ArgumentException">The format is neither <c>auto</c> nor a registered source.</exception>
    public AlertPipeline(SourceRegistry registry, PipelineOptions? options = null, Action<RejectRecord>? onReject = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _options = options ?? new PipelineOptions();
        _options.Validate();
        _onReject = onReject ?? (_ => { });
        if (!string.Equals(_options.Format, SourceRegistry.Auto, StringComparison.OrdinalIgnoreCase))
        {
            _forced = registry.TryGet(_options.Format, out var s)
                ? s
                : throw new ArgumentException($"Unknown format '{_options.Format}'; expected one of {string.Join(", ", registry.FormatNames)}.", nameof(options));
        }

        _dedupe = new IdDeduplicator(_options.DedupeWindow);
        _processor = new RecordProcessor(registry, _forced, _options);
        // One thread: the reader may hand plain CloudTrail and normalized lines straight to this processor (read once, not
        // twice); more threads: the workers do the same with pieces of large files (FileChunk).
        _batches = _options.Parallelism == 1
            ? new BatchSource(_options.Reader, _forced, _processor)
            : new BatchSource(_options.Reader, _forced, deferFileBytes: _options.DeferFileBytes, deferredBudget: _options.DeferredRecordBytes, chunkBytes: _options.ChunkBytes);
    }

    /// <summary>The running counts (final once the enumeration of <see cref="Run"/> ends).</summary>
    public PipelineCounters Counters { get; } = new();

    /// <summary>Records that took a document-free fast path so far (for tests and measurements).</summary>
    internal long FastPathRecords
    {
        get
        {
            lock (_workerProcessors)
            {
                return _processor.FastRecords + _workerProcessors.Sum(p => p.FastRecords);
            }
        }
    }

    /// <summary>Pieces of large files read on workers whose entries were kept (for tests and measurements).</summary>
    internal long PiecesKept { get; private set; }

    /// <summary>Pieces not read exactly, after which their file was read again the usual way (for tests and measurements).</summary>
    internal long PieceRestarts { get; private set; }

    /// <summary>Expands <paramref name="inputs"/> (files, folders, globs) and streams their normalized alerts.</summary>
    /// <remarks>
    /// With <see cref="PipelineOptions.Parallelism"/> above 1, reading, evaluation and this enumeration run on
    /// different threads, yet alerts, rejects and counters come out exactly as with 1.
    /// </remarks>
    public IEnumerable<NormalizedAlert> Run(IEnumerable<string> inputs, CancellationToken cancellationToken = default) =>
        Consume(_batches.Files(inputs, cancellationToken), cancellationToken);

    /// <summary>Streams the normalized alerts of one already-open JSON stream (e.g. an HTTP body) named <paramref name="name"/>.</summary>
    public IEnumerable<NormalizedAlert> RunStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Consume(_batches.Stream(InputStreams.WithEncoding(stream), name), CancellationToken.None);
    }

    // Applies every entry in input order on the calling thread: counting, rejects and de-duplication stay sequential.
    private IEnumerable<NormalizedAlert> Consume(IEnumerable<RecordBatch> batches, CancellationToken cancellationToken)
    {
        var parallel = _options.Parallelism > 1;
        var source = parallel ? ParallelEvaluation.Run(batches, _options.Parallelism, NewProcessor, cancellationToken) : batches;
        IAlertSource? last = null;
        foreach (var batch in source)
        {
            // Pieces of a large file count only while every earlier piece was read exactly (ChunkedFile).
            if (batch.ChunkOf is { } chunked)
            {
                if (chunked.Abandoned)
                {
                    batch.Release();
                    continue;
                }

                if (batch.Chunk is { } piece && !batch.ChunkClean)
                {
                    batch.Release();
                    chunked.Abandoned = true;
                    PieceRestarts++;
                    if (!chunked.TryRequestRestart(piece.Line))
                    {
                        // The reading thread is past this file: read it again here, from the piece's first line on.
                        foreach (var part in _batches.Resume(chunked.File, chunked.RestartLine))
                        {
                            foreach (var alert in Entries(part))
                            {
                                yield return alert;
                            }
                        }
                    }

                    continue;
                }

                PiecesKept += batch.Chunk is null ? 0 : 1;
            }

            foreach (var alert in Entries(batch))
            {
                yield return alert;
            }

            // A small file the worker gave back (it decompressed to more than its budget): read here, streaming.
            if (batch.Fallback)
            {
                foreach (var part in _batches.Reread(batch.Deferred!))
                {
                    foreach (var alert in Entries(part))
                    {
                        yield return alert;
                    }
                }
            }
        }

        IEnumerable<NormalizedAlert> Entries(RecordBatch batch)
        {
            try
            {
                for (var i = 0; i < batch.Items.Length; i++)
                {
                    var item = batch.Items[i];
                    NormalizedAlert? alert;
                    switch (item.Kind)
                    {
                        case BatchItemKind.FileStart:
                            cancellationToken.ThrowIfCancellationRequested();
                            Counters.Files++;
                            last = null;
                            continue;
                        case BatchItemKind.Reject:
                            Reject(item.Reject!);
                            continue;
                        case BatchItemKind.Row:
                            Counters.CountFormat(CsvAlertSource.FormatName);
                            alert = Accept(item.Row.Result, item.Row.RawRef, item.Row.Excerpt);
                            break;
                        case BatchItemKind.Taken:
                            last = item.Source;
                            alert = Apply(new RecordOutcome { RawRef = item.RawRef!, Source = item.Source, Alert = item.Alert, Independent = true });
                            break;
                        default:
                            var outcome = batch.TryGetOutcome(i, out var done) && Holds(done, last) ? done : _processor.Evaluate(batch.Bytes(item), item.RawRef!, last);
                            last = outcome.Source ?? last;
                            alert = Apply(outcome);
                            break;
                    }

                    if (alert is not null)
                    {
                        yield return alert;
                    }
                }
            }
            finally
            {
                batch.Release();
            }
        }
    }

    // A worker evaluated the first record of its batch without knowing the file's last winner, which detection
    // asks first. Its outcome still holds when that could not matter: a fast path or a forced format (no
    // detection), the same preferred source, no source matching at all, or the true last winner won anyway (it
    // matches, so it would have been asked first and taken the record). Otherwise the consumer evaluates again.
    // (The CloudTrail fast path is independent; the normalized one is not: it stands aside after a csv winner.)
    private bool Holds(in RecordOutcome outcome, IAlertSource? last) =>
        outcome.RawRef is not null &&
        (outcome.Independent || _forced is not null || ReferenceEquals(outcome.Preferred, last) ||
         outcome.Source is null || ReferenceEquals(outcome.Source, last));

    private RecordProcessor NewProcessor()
    {
        var processor = new RecordProcessor(_registry, _forced, _options);
        lock (_workerProcessors)
        {
            _workerProcessors.Add(processor);
        }

        return processor;
    }

    /// <summary>Counts one record's outcome (in input order) and returns its alert unless rejected or a duplicate.</summary>
    internal NormalizedAlert? Apply(in RecordOutcome outcome)
    {
        var rawRef = outcome.RawRef;
        if (outcome.Source is not { } source)
        {
            Reject(new RejectRecord(rawRef.File, rawRef.Line, rawRef.Index, "unknown shape: no registered source matches this record", null, outcome.Excerpt));
            return null;
        }

        Counters.CountFormat(source.Name);
        if (outcome.Failure is { } failure)
        {
            Reject(new RejectRecord(rawRef.File, rawRef.Line, rawRef.Index, failure, null, outcome.Excerpt));
            return null;
        }

        return outcome.Alert is { } alert ? Keep(alert) : Accept(outcome.Result!, rawRef, outcome.Excerpt);
    }

    private NormalizedAlert? Accept(NormalizeResult result, RawRef rawRef, string? excerpt)
    {
        Counters.CountNotes(result.Notes);
        if (result.Alert is not { } alert)
        {
            Reject(new RejectRecord(rawRef.File, rawRef.Line, rawRef.Index, result.Error ?? "rejected by source", result.Field, excerpt));
            return null;
        }

        return Keep(alert);
    }

    // De-duplication and the success counters (on the consuming thread: their order is the input order).
    private NormalizedAlert? Keep(NormalizedAlert alert)
    {
        if (_dedupe.IsDuplicate(alert.Id, alert.Time))
        {
            Counters.Duplicate++;
            return null;
        }

        Counters.Normalized++;
        if (alert.Techniques.Count == 0)
        {
            Counters.CountUnmapped(alert.Product, alert.Type);
        }

        return alert;
    }

    private void Reject(RejectRecord reject)
    {
        Counters.Rejected++;
        _onReject(reject);
    }
}
