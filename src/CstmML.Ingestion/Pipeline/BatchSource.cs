using CstmML.Core.Serialization;
using CstmML.Ingestion.Sources.CloudTrail;
using CstmML.Ingestion.Sources.Csv;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// The reading side of <see cref="AlertPipeline"/>: expands the inputs, opens each file, splits it into raw records
/// (the reader only finds record boundaries) and CSV rows, and emits them with every reading reject, in input
/// order, as <see cref="RecordBatch"/>es. Evaluation and counting happen elsewhere, except in one-thread runs
/// given a line processor: there plain CloudTrail JSON Lines records are read once, straight into alerts
/// (<see cref="LineTaker"/>), instead of being found by the reader and then parsed again.
/// </summary>
internal sealed class BatchSource
{
    private readonly ReaderOptions _reader;
    private readonly IAlertSource? _forced;
    private readonly RecordProcessor? _lineProcessor;
    private readonly int _deferFileBytes;
    private readonly int _deferredBudget;

    /// <param name="reader">Reader limits.</param>
    /// <param name="forced">The forced format, if any.</param>
    /// <param name="lineProcessor">One-thread runs: the consumer's processor, whose CloudTrail fast path may take JSON Lines records while reading.</param>
    /// <param name="deferFileBytes">Parallel runs: JSON files up to this size are loaded whole and left to a worker (<see cref="DeferredFile"/>); 0: never.</param>
    /// <param name="deferredBudget">Record bytes a worker may hold for one deferred file.</param>
    public BatchSource(ReaderOptions reader, IAlertSource? forced, RecordProcessor? lineProcessor = null, int deferFileBytes = 0, int deferredBudget = 0)
    {
        _reader = reader;
        _forced = forced;
        _lineProcessor = lineProcessor;
        _deferFileBytes = deferFileBytes;
        _deferredBudget = deferredBudget;
    }

    /// <summary>The batches of every file of <paramref name="inputs"/> (files, folders, globs).</summary>
    public IEnumerable<RecordBatch> Files(IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        var batch = new RecordBatch();
        var (files, errors) = InputFiles.Expand(inputs);
        foreach (var e in errors)
        {
            batch.AddReject(e);
        }

        foreach (var file in files)
        {
            // The consumer checks cancellation at each file start too; stopping here keeps the reader from running ahead.
            cancellationToken.ThrowIfCancellationRequested();
            if (_deferFileBytes > 0 && !InputFiles.IsCsv(file) && ReadSmall(file) is { } bytes)
            {
                // A batch of its own, read by a worker (Expand); the file's records then follow the batches before it.
                if (batch.Items.Count > 0)
                {
                    yield return batch;
                    batch = new RecordBatch();
                }

                batch.AddFileStart();
                batch.Deferred = new DeferredFile(file, bytes, _reader, _deferredBudget);
                yield return batch;
                batch = new RecordBatch();
                continue;
            }

            batch.AddFileStart();
            if (InputFiles.IsCsv(file) && _forced is not null && _forced is not CsvAlertSource)
            {
                batch.AddReject(new RejectRecord(file, 0, null, $"file is CSV but --format is {_forced.Name}; file skipped"));
                continue;
            }

            var stream = TryOpen(file, batch);
            if (stream is null)
            {
                continue;
            }

            var parts = InputFiles.IsCsv(file) ? Csv(stream, file, () => batch) : Json(stream, file, () => batch);
            foreach (var full in parts)
            {
                yield return full;
                batch = new RecordBatch();
            }
        }

        yield return batch;
    }

    /// <summary>The batches of one open JSON stream named <paramref name="name"/> (no file start entry).</summary>
    public IEnumerable<RecordBatch> Stream(Stream stream, string name)
    {
        var batch = new RecordBatch();
        foreach (var full in Json(stream, name, () => batch))
        {
            yield return full;
            batch = new RecordBatch();
        }

        yield return batch;
    }

    /// <summary>
    /// On a worker: reads the records and rejects of <paramref name="batch"/>'s deferred file into it, after its
    /// FileStart, exactly as <see cref="Files"/> would have read the file. False when they exceed the file's budget: the
    /// batch is then left with its FileStart only, for the consumer to read the file itself (<see cref="Reread"/>).
    /// </summary>
    public static bool Expand(RecordBatch batch)
    {
        var d = batch.Deferred!;
        var stream = TryOpen(d, batch);
        if (stream is null)
        {
            return true;
        }

        using var owned = stream;
        using var reader = new JsonRecordReader(stream, d.File, d.Reader, batch.AddReject);
        while (ReadRecord(reader, d.File, batch))
        {
            if (batch.BytesUsed > d.Budget)
            {
                batch.Truncate(1);
                return false;
            }
        }

        return true;
    }

    /// <summary>The batches of a deferred file a worker gave back, read as <see cref="Files"/> reads a file (no file start entry).</summary>
    public IEnumerable<RecordBatch> Reread(DeferredFile file)
    {
        var batch = new RecordBatch();
        if (TryOpen(file, batch) is { } stream)
        {
            foreach (var full in Json(stream, file.File, () => batch))
            {
                yield return full;
                batch = new RecordBatch();
            }
        }

        yield return batch;
    }

    // The whole file when it is small enough to hand to a worker; null (read the usual way, which reports any error)
    // otherwise. Only files with a size: pipes and devices report 0 and are streamed as before (a device may never end).
    private byte[]? ReadSmall(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists && info.Length > 0 && info.Length <= _deferFileBytes ? File.ReadAllBytes(file) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Fills the current batch (current() changes after each yield) and yields it whenever it is full.
    private IEnumerable<RecordBatch> Json(Stream stream, string file, Func<RecordBatch> current)
    {
        using var owned = stream;
        var taker = _lineProcessor?.CloudTrailFast is { } source ? TakeCloudTrail(_lineProcessor, source, current) : null;
        using var reader = new JsonRecordReader(stream, file, _reader, r => current().AddReject(r), taker);
        while (ReadRecord(reader, file, current()))
        {
            if (current().IsFull)
            {
                yield return current();
            }
        }
    }

    private LineTaker TakeCloudTrail(RecordProcessor processor, CloudTrailSource source, Func<RecordBatch> current) => (line, rawRef) =>
    {
        if (processor.TryCloudTrailLine(line, rawRef, _reader.MaxDepth) is not { } alert)
        {
            return false;
        }

        current().AddTaken(rawRef, source, alert);
        return true;
    };

    private static bool ReadRecord(JsonRecordReader reader, string file, RecordBatch batch)
    {
        try
        {
            if (!reader.TryReadRaw(out var raw, out var rawRef))
            {
                return false;
            }

            // Empty: the line taker has put it in the batch already.
            if (!raw.IsEmpty)
            {
                batch.AddRecord(raw, rawRef);
            }

            return true;
        }
        catch (Exception ex)
        {
            // The reader reports bad input itself; reaching here is a reader bug, still never fatal to the run.
            batch.AddReject(new RejectRecord(file, 0, null, $"internal reader error ({ex.GetType().Name}: {ex.Message}); rest of file skipped"));
            return false;
        }
    }

    private static IEnumerable<RecordBatch> Csv(Stream stream, string file, Func<RecordBatch> current)
    {
        using var rows = CsvAlertSource.ReadFile(stream, file).GetEnumerator();
        while (NextRow(rows, file, current()))
        {
            current().AddRow(rows.Current);
            if (current().IsFull)
            {
                yield return current();
            }
        }
    }

    private static bool NextRow(IEnumerator<CsvRowResult> rows, string file, RecordBatch batch)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception ex)
        {
            // CsvHelper throws on I/O errors and rows over the size limit; the rows before still flowed.
            batch.AddReject(new RejectRecord(file, 0, null, $"cannot read CSV ({ex.GetType().Name}: {ex.Message}); rest of file skipped"));
            return false;
        }
    }

    private static Stream? TryOpen(string file, RecordBatch batch) => TryOpen(file, () => InputStreams.Open(file), batch);

    private static Stream? TryOpen(DeferredFile file, RecordBatch batch) =>
        TryOpen(file.File, () => InputStreams.Open(new MemoryStream(file.Bytes, writable: false)), batch);

    private static Stream? TryOpen(string file, Func<Stream> open, RecordBatch batch)
    {
        try
        {
            return open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            batch.AddReject(new RejectRecord(file, 0, null, $"cannot open ({ex.Message})"));
            return null;
        }
    }
}
