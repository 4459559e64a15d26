using CstmML.Core.Serialization;
using CstmML.Ingestion.Sources.Csv;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// The reading side of <see cref="AlertPipeline"/>: expands the inputs, opens each file, splits it into raw records
/// (the reader only finds record boundaries) and CSV rows, and emits them with every reading reject, in input
/// order, as <see cref="RecordBatch"/>es. Evaluation and counting happen elsewhere, except in one-thread runs
/// given a line processor: there plain CloudTrail and normalized JSON Lines records are read once, straight into
/// alerts (<see cref="LineTakers"/>), instead of being found by the reader and then parsed again. Parallel runs hand
/// small files (<see cref="DeferredFile"/>) and pieces of large plain ones (<see cref="FileChunk"/>) to the workers,
/// which read them with the same line takers.
/// </summary>
internal sealed class BatchSource
{
    private readonly ReaderOptions _reader;
    private readonly IAlertSource? _forced;
    private readonly RecordProcessor? _lineProcessor;
    private readonly int _deferFileBytes;
    private readonly int _deferredBudget;
    private readonly int _chunkBytes;

    /// <param name="reader">Reader limits.</param>
    /// <param name="forced">The forced format, if any.</param>
    /// <param name="lineProcessor">One-thread runs: the consumer's processor, whose CloudTrail fast path may take JSON Lines records while reading.</param>
    /// <param name="deferFileBytes">Parallel runs: JSON files up to this size are loaded whole and left to a worker (<see cref="DeferredFile"/>); 0: never.</param>
    /// <param name="deferredBudget">Record bytes a worker may hold for one deferred file.</param>
    /// <param name="chunkBytes">Parallel runs: larger plain JSON files are cut into pieces of about this size for the workers (<see cref="FileChunk"/>); 0: never.</param>
    public BatchSource(ReaderOptions reader, IAlertSource? forced, RecordProcessor? lineProcessor = null, int deferFileBytes = 0, int deferredBudget = 0, int chunkBytes = 0)
    {
        _chunkBytes = chunkBytes;
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
                if (batch.Items.Length > 0)
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

            if (_chunkBytes > 0 && !InputFiles.IsCsv(file) && OpenPlain(file) is { } plain)
            {
                // The FileStart on its own: the pieces' batches may be dropped and the file read again (ChunkedFile).
                batch.AddFileStart();
                yield return batch;
                foreach (var part in Chunks(file, plain))
                {
                    yield return part;
                }

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
    /// FileStart, exactly as <see cref="Files"/> would have read the file (lines <paramref name="processor"/>'s fast
    /// paths take come with their alerts or outcomes). False when they exceed the file's budget: the batch is then
    /// left with its FileStart only, for the consumer to read the file itself (<see cref="Reread"/>).
    /// </summary>
    public static bool Expand(RecordBatch batch, RecordProcessor processor)
    {
        var d = batch.Deferred!;
        var stream = TryOpen(d, batch);
        if (stream is null)
        {
            return true;
        }

        using var owned = stream;
        using var reader = new JsonRecordReader(stream, d.File, d.Reader, batch.AddReject, LineTakers.For(processor, d.Reader.MaxDepth, () => batch));
        while (ReadRecord(reader, d.File, batch))
        {
            if (batch.BytesRead > d.Budget)
            {
                batch.Truncate(1);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// On a worker: reads the records and rejects of <paramref name="batch"/>'s piece of a file into it, as the whole-file
    /// reader would from the piece's start. True when that is sure: the piece ended clean or ends the file, and no
    /// reject's text depended on the piece reader's buffer (then the next piece is valid too);
    /// an unexpected exception propagates (the caller treats the piece as not clean, so the usual path surfaces it).
    /// </summary>
    public static bool ExpandChunk(RecordBatch batch, RecordProcessor processor)
    {
        var c = batch.Chunk!;
        var taker = LineTakers.For(processor, c.Reader.MaxDepth, () => batch);
        using var reader = new JsonRecordReader(c.Bytes!, c.Length, c.File.File, c.Reader, batch.AddReject, taker, c.Start);
        while (reader.TryReadRaw(out var raw, out var rawRef))
        {
            if (!raw.IsEmpty)
            {
                batch.AddRecord(raw, rawRef);
            }
        }

        return (c.Last || reader.EndedClean) && !reader.ExcerptedBuffer;
    }

    /// <summary>
    /// The batches of <paramref name="file"/> read again the usual way from its start, without the entries on lines
    /// before <paramref name="fromLine"/> (no file start entry): what the whole-file reader gives from that line on
    /// when it stood at a clean cut there (<see cref="ChunkedFile"/>). Open errors are kept whatever the line.
    /// </summary>
    public IEnumerable<RecordBatch> Resume(string file, long fromLine)
    {
        var batch = new RecordBatch();
        if (TryOpen(file, batch) is { } stream)
        {
            foreach (var full in Json(stream, file, () => batch, fromLine))
            {
                yield return full;
                batch = new RecordBatch();
            }
        }

        yield return batch;
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

    // A large plain JSON file in pieces for the workers, tagged with its ChunkedFile (after the FileStart batch).
    // Where the splitter gives up, the file is read again here from its start, keeping what follows the pieces (still
    // tagged: valid only if the pieces ended clean); when the consumer finds a piece that did not, the file is read
    // again from its start, keeping what follows the pieces before that one, untagged.
    private IEnumerable<RecordBatch> Chunks(string file, FileStream stream)
    {
        var owner = new ChunkedFile(file);
        long gaveUpAt = 0;
        using (var splitter = new ChunkSplitter(stream, _chunkBytes, _reader.MaxRecordBytes))
        {
            while (!owner.RestartRequested)
            {
                var (offset, line) = (splitter.Offset, splitter.Line);
                if (splitter.Next() is not { } piece)
                {
                    break;
                }

                yield return new RecordBatch { Chunk = new FileChunk(owner, piece.Bytes, piece.Length, offset, line, piece.Last, _reader), ChunkOf = owner };
            }

            gaveUpAt = splitter.GaveUp ? splitter.Line : 0;
        }

        if (gaveUpAt > 0 && !owner.RestartRequested)
        {
            var tag = gaveUpAt > 1 ? owner : null;
            foreach (var part in Resume(file, gaveUpAt))
            {
                part.ChunkOf = tag;
                yield return part;
                if (owner.RestartRequested)
                {
                    break;
                }
            }
        }

        if (!owner.TryFinish())
        {
            foreach (var part in Resume(file, owner.RestartLine))
            {
                yield return part;
            }
        }
    }

    // The file opened as is, when it can be read in pieces: a regular file with a size (not a pipe or device), neither
    // gzip nor UTF-16 (the pieces are cut in its raw bytes); null otherwise (read the usual way, which reports errors).
    private static FileStream? OpenPlain(string file)
    {
        FileStream? stream = null;
        try
        {
            // Not even opened unless it has a size: opening a pipe twice would lose what its writer sent.
            if (new FileInfo(file) is not { Exists: true, Length: > 0 })
            {
                return null;
            }

            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            Span<byte> head = stackalloc byte[2];
            var n = stream.CanSeek && stream.Length > 0 ? stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) : 0;
            var gzip = head[0] == 0x1F && head[1] == 0x8B;
            var utf16 = (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF);
            if (n == 2 && !gzip && !utf16)
            {
                stream.Position = 0;
                return stream;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // Read the usual way, which reports it.
        }

        stream?.Dispose();
        return null;
    }

    // Fills the current batch (current() changes after each yield) and yields it whenever it is full.
    // From fromLine on only (Resume): earlier records and rejects are read but dropped.
    private IEnumerable<RecordBatch> Json(Stream stream, string file, Func<RecordBatch> current, long fromLine = 1)
    {
        using var owned = stream;
        var taker = _lineProcessor is null || fromLine > 1 ? null : LineTakers.For(_lineProcessor, _reader.MaxDepth, current);
        using var reader = new JsonRecordReader(stream, file, _reader, r => AddReject(current(), r, fromLine), taker);
        while (ReadRecord(reader, file, current(), fromLine))
        {
            if (current().IsFull)
            {
                yield return current();
            }
        }
    }

    private static void AddReject(RecordBatch batch, RejectRecord reject, long fromLine)
    {
        if (reject.Line >= fromLine)
        {
            batch.AddReject(reject);
        }
    }

    private static bool ReadRecord(JsonRecordReader reader, string file, RecordBatch batch, long fromLine = 1)
    {
        try
        {
            if (!reader.TryReadRaw(out var raw, out var rawRef))
            {
                return false;
            }

            // Empty: the line taker has put it in the batch already.
            if (!raw.IsEmpty && rawRef.Line >= fromLine)
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
