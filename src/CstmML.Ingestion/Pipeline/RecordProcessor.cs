using System.Buffers;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Sources.CloudTrail;
using CstmML.Ingestion.Sources.Csv;
using CstmML.Ingestion.Sources.Defender;
using CstmML.Ingestion.Sources.GuardDuty;
using CstmML.Ingestion.Sources.Normalized;
using CstmML.Ingestion.Sources.Prisma;
using CstmML.Ingestion.Sources.Scc;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// One raw JSON record to a <see cref="RecordOutcome"/>: unwrap, detect, normalize. Plain CloudTrail records take
/// <see cref="CloudTrailUtf8Reader"/> (no document) when that cannot change the outcome; everything else is parsed
/// into a <see cref="JsonDocument"/> for the sources. Counts nothing, so it can run on any thread; not
/// thread-safe itself (its string cache): one per thread.
/// </summary>
internal sealed class RecordProcessor
{
    private readonly SourceRegistry _registry;
    private readonly IAlertSource? _forced;
    private readonly CloudTrailSource? _cloudTrailFast;
    private readonly NormalizedAlertSource? _normalizedFast;
    private readonly JsonDocumentOptions _documentOptions;
    private readonly Utf8StringCache _cache = new();
    private readonly NormalizedUtf8Reader _normalizedReader;

    // How `cstm map` output lines start (JsonLinesWriter, CstmJsonContext): a cheap test before trying the reader.
    private static ReadOnlySpan<byte> NormalizedStart => "{\"id\":"u8;

    public RecordProcessor(SourceRegistry registry, IAlertSource? forced, PipelineOptions options)
    {
        _registry = registry;
        _forced = forced;
        _documentOptions = new JsonDocumentOptions { MaxDepth = options.Reader.MaxDepth };
        _normalizedReader = new NormalizedUtf8Reader(_cache);
        if (options.FastPaths)
        {
            var builtIn = forced is null && OnlyBuiltIn(registry);
            _cloudTrailFast = forced is not null ? forced as CloudTrailSource
                : builtIn ? registry.Sources.OfType<CloudTrailSource>().FirstOrDefault() : null;
            _normalizedFast = forced is not null ? forced as NormalizedAlertSource
                : builtIn && NormalizedBeforeCsv(registry) ? NormalizedAlertSource.Instance : null;
        }
    }

    /// <summary>Records that took a fast path (for tests and measurements).</summary>
    public long FastRecords { get; private set; }

    /// <summary>The source of the CloudTrail fast path; null when it is off (fast paths off, other sources, or another format forced).</summary>
    public CloudTrailSource? CloudTrailFast => _cloudTrailFast;

    /// <summary>
    /// For a JSON Lines line offered by the record reader (<see cref="LineTaker"/>): the alert of a plain CloudTrail
    /// record that is exactly the whole line, as <see cref="Evaluate(ReadOnlySpan{byte}, RawRef, IAlertSource?)"/>
    /// would make it from the reader's record; null leaves the line to the reader.
    /// </summary>
    public NormalizedAlert? TryCloudTrailLine(ReadOnlySpan<byte> line, RawRef rawRef, int maxDepth)
    {
        if (_cloudTrailFast is not { } ct || !CloudTrailUtf8Reader.TryReadLine(line, maxDepth, _cache, out var values))
        {
            return null;
        }

        FastRecords++;
        return ct.Build(values, rawRef);
    }

    /// <summary>The source of the normalized-alert fast path; null when it is off.</summary>
    public NormalizedAlertSource? NormalizedFast => _normalizedFast;

    /// <summary>
    /// For a JSON Lines line offered by the record reader (<see cref="LineTaker"/>), when the CloudTrail line path
    /// declined it: the outcome <see cref="Evaluate(ReadOnlySpan{byte}, RawRef, IAlertSource?)"/> gives a normalized
    /// alert that is exactly the whole line, asked with <paramref name="last"/> as the file's last winner; null leaves
    /// the line to the reader. The outcome depends on <paramref name="last"/> (csv stands aside): the consumer checks it.
    /// </summary>
    public RecordOutcome? TryNormalizedLine(ReadOnlySpan<byte> line, RawRef rawRef, IAlertSource? last)
    {
        if (_normalizedFast is not { } ns || (_forced is null && last is CsvAlertSource) || !line.StartsWith(NormalizedStart) ||
            NormalizedAlertSource.Checked(_normalizedReader.TryReadLine(line)) is not { } normalized)
        {
            return null;
        }

        FastRecords++;
        return new RecordOutcome { RawRef = rawRef, Preferred = last, Source = ns, Alert = normalized };
    }

    /// <summary>The outcome of <paramref name="raw"/> (one JSON object); <paramref name="last"/> is the file's last winner.</summary>
    public RecordOutcome Evaluate(ReadOnlySpan<byte> raw, RawRef rawRef, IAlertSource? last)
    {
        if (_cloudTrailFast is { } ct && CloudTrailUtf8Reader.TryRead(raw, _cache, out var values))
        {
            FastRecords++;
            return new RecordOutcome { RawRef = rawRef, Preferred = last, Source = ct, Alert = ct.Build(values, rawRef), Independent = true };
        }

        // A normalized alert is also a flat csv-source record: when csv won the file's last record, detection asks
        // it first and it takes this one too, so the fast path stands aside.
        if (_normalizedFast is { } ns && (_forced is not null || last is not CsvAlertSource) && raw.StartsWith(NormalizedStart) &&
            NormalizedAlertSource.Checked(_normalizedReader.TryRead(raw)) is { } normalized)
        {
            FastRecords++;
            return new RecordOutcome { RawRef = rawRef, Preferred = last, Source = ns, Alert = normalized };
        }

        // The document must not outlive the rented bytes it reads from.
        var rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            raw.CopyTo(rented);
            using var doc = JsonDocument.Parse(rented.AsMemory(0, raw.Length), _documentOptions);
            return Evaluate(doc.RootElement, rawRef, last);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The outcome of a parsed record (the document path).</summary>
    public RecordOutcome Evaluate(JsonElement raw, RawRef rawRef, IAlertSource? last)
    {
        var record = RecordUnwrapper.Unwrap(raw);
        var source = _forced ?? _registry.Detect(record, last);
        if (source is null)
        {
            return new RecordOutcome { RawRef = rawRef, Preferred = last, Excerpt = Excerpt(record) };
        }

        try
        {
            var result = source.Normalize(record, rawRef);
            return new RecordOutcome { RawRef = rawRef, Preferred = last, Source = source, Result = result, Excerpt = result.Succeeded ? null : Excerpt(record) };
        }
        catch (Exception ex)
        {
            // Sources must not throw; if one does, the record is rejected with the source named, never fatal.
            return new RecordOutcome
            {
                RawRef = rawRef,
                Preferred = last,
                Source = source,
                Failure = $"{source.Name} failed on this record ({ex.GetType().Name}: {ex.Message})",
                Excerpt = Excerpt(record),
            };
        }
    }

    // The fast paths are exact only when every source that could be asked first is one whose Matches is known to
    // refuse a record made of CloudTrail record fields only, or of normalized-alert fields only (csv aside).
    private static bool OnlyBuiltIn(SourceRegistry registry) =>
        registry.Sources.All(s => s is GuardDutySource or CloudTrailSource or DefenderSource or SccSource or PrismaSource or NormalizedAlertSource or CsvAlertSource);

    private static bool NormalizedBeforeCsv(SourceRegistry registry)
    {
        foreach (var s in registry.Sources)
        {
            if (s is CsvAlertSource)
            {
                return false;
            }

            if (s is NormalizedAlertSource)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Excerpt(JsonElement record) => RejectRecord.Clip(record.GetRawText());
}
