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

    /// <param name="registry">The sources to detect and normalize with.</param>
    /// <param name="options">Format and limits.</param>
    /// <param name="onReject">Called for every reject, in input order (after it is counted).</param>
    /// <exception cref="ArgumentException">The format is neither <c>auto</c> nor a registered source.</exception>
    public AlertPipeline(SourceRegistry registry, PipelineOptions? options = null, Action<RejectRecord>? onReject = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _options = options ?? new PipelineOptions();
        _options.Reader.Validate();
        _onReject = onReject ?? (_ => { });
        if (!string.Equals(_options.Format, SourceRegistry.Auto, StringComparison.OrdinalIgnoreCase))
        {
            _forced = registry.TryGet(_options.Format, out var s)
                ? s
                : throw new ArgumentException($"Unknown format '{_options.Format}'; expected one of {string.Join(", ", registry.FormatNames)}.", nameof(options));
        }

        _dedupe = new IdDeduplicator(_options.DedupeWindow);
        _processor = new RecordProcessor(registry, _forced, _options);
    }

    /// <summary>The running counts (final once the enumeration of <see cref="Run"/> ends).</summary>
    public PipelineCounters Counters { get; } = new();

    /// <summary>Records that took a document-free fast path so far (for tests and measurements).</summary>
    internal long FastPathRecords => _processor.FastRecords;

    /// <summary>Expands <paramref name="inputs"/> (files, folders, globs) and streams their normalized alerts.</summary>
    public IEnumerable<NormalizedAlert> Run(IEnumerable<string> inputs, CancellationToken cancellationToken = default)
    {
        var (files, errors) = InputFiles.Expand(inputs);
        foreach (var e in errors)
        {
            Reject(e);
        }

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Counters.Files++;
            var alerts = InputFiles.IsCsv(file) ? ReadCsvFile(file) : ReadJsonFile(file);
            foreach (var alert in alerts)
            {
                yield return alert;
            }
        }
    }

    /// <summary>Streams the normalized alerts of one already-open JSON stream (e.g. an HTTP body) named <paramref name="name"/>.</summary>
    public IEnumerable<NormalizedAlert> RunStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadJson(InputStreams.WithEncoding(stream), name);
    }

    private IEnumerable<NormalizedAlert> ReadJsonFile(string file)
    {
        var stream = TryOpen(file);
        return stream is null ? [] : ReadJson(stream, file);
    }

    private IEnumerable<NormalizedAlert> ReadJson(Stream stream, string file)
    {
        using var reader = new JsonRecordReader(stream, file, _options.Reader, Reject);
        using var owned = stream;
        IAlertSource? last = null;
        while (Next(reader, file, last, out var outcome))
        {
            last = outcome.Source ?? last;
            var alert = Apply(outcome);
            if (alert is not null)
            {
                yield return alert;
            }
        }
    }

    // Reads and evaluates the next record of a file; false at its end.
    private bool Next(JsonRecordReader reader, string file, IAlertSource? last, out RecordOutcome outcome)
    {
        ReadOnlySpan<byte> raw;
        RawRef rawRef;
        try
        {
            if (!reader.TryReadRaw(out raw, out rawRef))
            {
                outcome = default;
                return false;
            }
        }
        catch (Exception ex)
        {
            // The reader reports bad input itself; reaching here is a reader bug, still never fatal to the run.
            Reject(new RejectRecord(file, 0, null, $"internal reader error ({ex.GetType().Name}: {ex.Message}); rest of file skipped"));
            outcome = default;
            return false;
        }

        outcome = _processor.Evaluate(raw, rawRef, last);
        return true;
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

    private IEnumerable<NormalizedAlert> ReadCsvFile(string file)
    {
        if (_forced is not null && _forced is not CsvAlertSource)
        {
            Reject(new RejectRecord(file, 0, null, $"file is CSV but --format is {_forced.Name}; file skipped"));
            return [];
        }

        var stream = TryOpen(file);
        return stream is null ? [] : ReadCsv(stream, file);
    }

    private IEnumerable<NormalizedAlert> ReadCsv(Stream stream, string file)
    {
        using var rows = CsvAlertSource.ReadFile(stream, file).GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext())
                {
                    break;
                }
            }
            catch (Exception ex)
            {
                // CsvHelper throws on I/O errors and rows over the size limit; the rows before still flowed.
                Reject(new RejectRecord(file, 0, null, $"cannot read CSV ({ex.GetType().Name}: {ex.Message}); rest of file skipped"));
                break;
            }

            var row = rows.Current;
            Counters.CountFormat(CsvAlertSource.FormatName);
            var alert = Accept(row.Result, row.RawRef, row.Excerpt);
            if (alert is not null)
            {
                yield return alert;
            }
        }
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

    private Stream? TryOpen(string file)
    {
        try
        {
            return InputStreams.Open(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Reject(new RejectRecord(file, 0, null, $"cannot open ({ex.Message})"));
            return null;
        }
    }

    private void Reject(RejectRecord reject)
    {
        Counters.Rejected++;
        _onReject(reject);
    }
}
