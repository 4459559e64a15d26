using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CstmML.Core.Alerts;
using CstmML.Core.Hashing;
using CstmML.Core.Serialization;
using CsvHelper;

namespace CstmML.Ingestion.Sources.Csv;

/// <summary>
/// Reads a CSV file of the documented columns with CsvHelper, streaming row by row. Every bad row (malformed
/// quoting, too many fields, non-UTF-8 bytes, bad values) becomes a failed result with its line; a file without the
/// required columns is one failed result.
/// </summary>
internal static class CsvFileReader
{
    /// <summary>The largest row accepted, in bytes: far above any alert row, small enough to stop a runaway quote.</summary>
    public const int MaxRowBytes = 1024 * 1024;

    public static IEnumerable<CsvRowResult> Read(Stream stream, string file)
    {
        var malformed = new Queue<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = malformed.Enqueue,
            MaxRecordSize = MaxRowBytes,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            Separator = ',',
        };
        using var csv = CsvReader.Create(stream, options, leaveOpen: false);
        if (!csv.Read())
        {
            foreach (var m in Drain(malformed, file))
            {
                yield return m;
            }

            yield return FileError(file, csv.Headers.Count == 0 ? "empty file" : "no data rows after the header", null);
            yield break;
        }

        // Column index by documented name; headers are matched case-insensitively.
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.Headers.Count; i++)
        {
            index.TryAdd(csv.Headers[i].Trim(), i);
        }

        var missing = CsvColumns.Required.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            yield return FileError(file, $"missing required column(s): {string.Join(", ", missing)} (header: {string.Join(",", csv.Headers)})", missing[0]);
            yield break;
        }

        var unknown = csv.Headers.Select(h => h.Trim()).Where(h => !CsvColumns.All.Contains(h, StringComparer.OrdinalIgnoreCase)).ToArray();
        var headerNote = unknown.Length > 0 ? $"{file}: unknown CSV column(s) ignored: {string.Join(", ", unknown)}" : null;
        var headerCount = csv.Headers.Count;
        do
        {
            foreach (var m in Drain(malformed, file))
            {
                yield return m;
            }

            var line = csv.LineNumber;
            var raw = csv.RawRecord;
            var rawRef = new RawRef(file, line);
            if (!Utf8.IsValid(raw))
            {
                yield return new(NormalizeResult.Fail("non-UTF-8 bytes in row"), rawRef, Excerpt(raw));
                continue;
            }

            if (csv.FieldCount > headerCount)
            {
                yield return new(NormalizeResult.Fail($"row has {csv.FieldCount} fields, the header has {headerCount}"), rawRef, Excerpt(raw));
                continue;
            }

            var fields = new string?[headerCount];
            for (var i = 0; i < headerCount; i++)
            {
                fields[i] = i < csv.FieldCount ? csv.GetString(i) : null;
            }

            var hash = StableHash.Fnv1a64(raw);
            var result = CsvRowNormalizer.Normalize(
                column => index.TryGetValue(column, out var i) ? fields[i] : null,
                rawRef,
                () => "h:" + hash.ToString("x16", CultureInfo.InvariantCulture));
            if (headerNote is not null && result.Succeeded)
            {
                result = NormalizeResult.Ok(result.Alert!, [.. result.Notes, headerNote]);
                headerNote = null;
            }

            yield return new(result, rawRef, result.Succeeded ? null : Excerpt(raw));
        }
        while (csv.Read());

        foreach (var m in Drain(malformed, file))
        {
            yield return m;
        }
    }

    private static IEnumerable<CsvRowResult> Drain(Queue<CsvMalformedRecord> malformed, string file)
    {
        while (malformed.TryDequeue(out var m))
        {
            yield return new(
                NormalizeResult.Fail($"malformed CSV row ({m.Reason}); row skipped"),
                new RawRef(file, m.LineNumber),
                RejectRecord.Clip(m.RawRecord));
        }
    }

    private static CsvRowResult FileError(string file, string reason, string? field) =>
        new(NormalizeResult.Fail(reason, field), new RawRef(file, 1), null);

    private static string Excerpt(ReadOnlySpan<byte> raw) =>
        RejectRecord.Clip(Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, RejectRecord.MaxExcerptChars * 4)]))!;
}
