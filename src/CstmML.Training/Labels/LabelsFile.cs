using System.Globalization;
using CsvHelper;

namespace CstmML.Training.Labels;

/// <summary>
/// Reads, checks and writes <c>labels.csv</c>. Reading never throws on bad content: every problem becomes a
/// <see cref="LabelIssue"/> with its line, and only rows without errors are returned.
/// </summary>
public static class LabelsFile
{
    /// <summary>The file name the simulator writes and the trainer looks for in a data folder.</summary>
    public const string DefaultFileName = "labels.csv";

    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    /// <summary>Reads the labels file at <paramref name="path"/> (issues name the path as given).</summary>
    public static LabelsParseResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return new LabelsParseResult([], [new LabelIssue(path, 0, string.Empty, LabelIssueSeverity.Error, "The labels file does not exist.")]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses labels CSV text; <paramref name="fileName"/> is only used in issues.</summary>
    public static LabelsParseResult Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var issues = new List<LabelIssue>();
        var labels = new List<IncidentLabel>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            CommentPrefix = '#',
            TrimWhitespace = true,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = m => issues.Add(new LabelIssue(fileName, m.LineNumber, string.Empty, LabelIssueSeverity.Error, Describe(m.Reason))),
        };

        using (var reader = CsvReader.FromText(text, options))
        {
            var columns = ReadHeader(reader.Headers, fileName, issues);
            if (columns is null)
            {
                return new LabelsParseResult([], issues);
            }

            while (reader.Read())
            {
                var row = new RowReader(reader, columns);
                if (ParseRow(row, reader.LineNumber, fileName, issues) is { } label)
                {
                    labels.Add(label);
                }
            }
        }

        labels = CheckOverlapsAndDuplicates(labels, fileName, issues);
        issues.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new LabelsParseResult(labels, issues);
    }

    /// <summary>
    /// Checks labels against the (account, principal) pairs that occur in the data: a window row whose principal
    /// never occurs is reported (an error for incidents, whose examples would silently be lost; a warning for benign rows).
    /// </summary>
    public static IReadOnlyList<LabelIssue> Validate(IEnumerable<IncidentLabel> labels, IEnumerable<(string Account, string Principal)> seen, string fileName = DefaultFileName)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(seen);
        var pairs = new HashSet<(string, string)>();
        var principals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (account, principal) in seen)
        {
            pairs.Add((account, principal));
            principals.Add(principal);
        }

        var issues = new List<LabelIssue>();
        foreach (var label in labels)
        {
            if (!label.HasWindow)
            {
                continue;
            }

            var known = label.Account.Length == 0 ? principals.Contains(label.Principal) : pairs.Contains((label.Account, label.Principal));
            if (!known)
            {
                var severity = label.Kind == LabelKind.Incident ? LabelIssueSeverity.Error : LabelIssueSeverity.Warning;
                var where = label.Account.Length == 0 ? "any account" : $"account {label.Account}";
                issues.Add(new LabelIssue(fileName, label.Line, LabelColumns.Principal, severity,
                    $"Unknown principal '{label.Principal}' in {where}: no input alert has it, so the row labels nothing."));
            }
        }

        return issues;
    }

    /// <summary>Writes labels as CSV with the standard header, LF line ends and UTC times (deterministic).</summary>
    public static void Write(TextWriter writer, IEnumerable<IncidentLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(labels);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        csv.WriteRecord([.. LabelColumns.All]);
        foreach (var l in labels)
        {
            csv.WriteRecord(
            [
                l.Kind == LabelKind.Incident ? LabelColumns.IncidentKind : LabelColumns.BenignKind,
                l.Account,
                l.Principal,
                FormatTime(l.Start),
                FormatTime(l.End),
                string.Join(LabelColumns.AlertIdSeparator, l.AlertIds),
                l.Actor,
                l.CampaignId,
                l.Notes,
            ]);
        }

        csv.Flush();
    }

    /// <summary>ISO 8601 UTC with a Z suffix, the form the files use.</summary>
    public static string FormatTime(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty;

    private static Dictionary<string, int>? ReadHeader(IReadOnlyList<string> headers, string fileName, List<LabelIssue> issues)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim().ToLowerInvariant();
            if (!LabelColumns.All.Contains(name))
            {
                issues.Add(new LabelIssue(fileName, 1, headers[i], LabelIssueSeverity.Warning, "Unknown column, ignored."));
            }
            else if (!columns.TryAdd(name, i))
            {
                issues.Add(new LabelIssue(fileName, 1, name, LabelIssueSeverity.Error, "Duplicate column."));
                return null;
            }
        }

        var missing = LabelColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            issues.Add(new LabelIssue(fileName, 1, string.Join(' ', missing), LabelIssueSeverity.Error,
                $"Missing required column(s): {string.Join(", ", missing)}. Expected header: {string.Join(',', LabelColumns.All)}."));
            return null;
        }

        return columns;
    }

    private static IncidentLabel? ParseRow(RowReader row, long line, string fileName, List<LabelIssue> issues)
    {
        var before = issues.Count;
        void Error(string field, string message) => issues.Add(new LabelIssue(fileName, line, field, LabelIssueSeverity.Error, message));

        var kindText = row.Get(LabelColumns.Kind);
        LabelKind kind = default;
        switch (kindText.ToLowerInvariant())
        {
            case LabelColumns.IncidentKind:
                kind = LabelKind.Incident;
                break;
            case LabelColumns.BenignKind:
                kind = LabelKind.Benign;
                break;
            default:
                Error(LabelColumns.Kind, $"Unknown kind '{kindText}': expected '{LabelColumns.IncidentKind}' or '{LabelColumns.BenignKind}'.");
                break;
        }

        var start = ParseTime(row.Get(LabelColumns.Start), LabelColumns.Start, Error);
        var end = ParseTime(row.Get(LabelColumns.End), LabelColumns.End, Error);
        var principal = row.Get(LabelColumns.Principal);
        var alertIds = row.Get(LabelColumns.AlertIds)
            .Split(LabelColumns.AlertIdSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var actor = row.Get(LabelColumns.Actor);

        var anyWindowPart = principal.Length > 0 || row.Get(LabelColumns.Start).Length > 0 || row.Get(LabelColumns.End).Length > 0;
        if (anyWindowPart || alertIds.Length == 0)
        {
            if (principal.Length == 0)
            {
                Error(LabelColumns.Principal, alertIds.Length == 0
                    ? "Empty principal and no alert_ids: the row must name a principal and window, or alert ids."
                    : "Empty principal while start/end are set.");
            }

            if (row.Get(LabelColumns.Start).Length == 0)
            {
                Error(LabelColumns.Start, "Empty start time.");
            }

            if (row.Get(LabelColumns.End).Length == 0)
            {
                Error(LabelColumns.End, "Empty end time.");
            }

            if (start is { } s && end is { } e && e <= s)
            {
                Error(LabelColumns.End, $"End {FormatTime(e)} is not after start {FormatTime(s)}.");
            }
        }

        if (kind == LabelKind.Incident && actor.Length == 0)
        {
            Error(LabelColumns.Actor, "Empty actor on an incident row.");
        }

        if (issues.Count > before)
        {
            return null;
        }

        return new IncidentLabel
        {
            Kind = kind,
            Account = row.Get(LabelColumns.Account),
            Principal = principal,
            Start = start,
            End = end,
            AlertIds = alertIds,
            Actor = actor,
            CampaignId = row.Get(LabelColumns.CampaignId),
            Notes = row.Get(LabelColumns.Notes),
            Line = line,
        };
    }

    private static DateTimeOffset? ParseTime(string text, string field, Action<string, string> error)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // An explicit offset (Z or +hh:mm) is required: a bare local time would shift every window silently.
        if (!DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || !(text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && text[^6] is '+' or '-'))
        {
            error(field, $"Bad time '{text}': expected ISO 8601 with Z or an offset, e.g. 2026-03-02T10:15:00Z.");
            return null;
        }

        return value.ToUniversalTime();
    }

    private static List<IncidentLabel> CheckOverlapsAndDuplicates(List<IncidentLabel> labels, string fileName, List<LabelIssue> issues)
    {
        var rejected = new HashSet<IncidentLabel>(ReferenceEqualityComparer.Instance);
        var windows = labels.Where(l => l.Kind == LabelKind.Incident && l.HasWindow)
            .GroupBy(l => (l.Account, l.Principal));
        foreach (var group in windows)
        {
            var sorted = group.OrderBy(l => l.Start).ThenBy(l => l.Line).ToList();
            var last = sorted[0];
            for (var i = 1; i < sorted.Count; i++)
            {
                var current = sorted[i];
                if (current.Start < last.End)
                {
                    var (earlier, later) = last.Line <= current.Line ? (last, current) : (current, last);
                    issues.Add(new LabelIssue(fileName, later.Line, LabelColumns.Start, LabelIssueSeverity.Error,
                        $"Incident window {FormatTime(later.Start)}..{FormatTime(later.End)} overlaps line {earlier.Line} " +
                        $"({FormatTime(earlier.Start)}..{FormatTime(earlier.End)}) for the same principal '{current.Principal}'."));
                    rejected.Add(later);
                    if (ReferenceEquals(later, last))
                    {
                        last = current;
                    }

                    continue;
                }

                last = current;
            }
        }

        var byAlert = new Dictionary<string, IncidentLabel>(StringComparer.Ordinal);
        foreach (var label in labels.Where(l => !rejected.Contains(l)))
        {
            foreach (var id in label.AlertIds)
            {
                if (!byAlert.TryAdd(id, label))
                {
                    var first = byAlert[id];
                    issues.Add(new LabelIssue(fileName, label.Line, LabelColumns.AlertIds, LabelIssueSeverity.Error,
                        $"Alert id '{id}' is already labelled on line {first.Line}."));
                    rejected.Add(label);
                    break;
                }
            }
        }

        return rejected.Count == 0 ? labels : labels.Where(l => !rejected.Contains(l)).ToList();
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "Malformed row: the number of fields differs from the header.",
        CsvMalformedReason.UnterminatedQuote => "Malformed row: a quoted field is not closed.",
        CsvMalformedReason.StrayQuote => "Malformed row: a stray quote inside an unquoted field.",
        CsvMalformedReason.TextAfterClosingQuote => "Malformed row: text after a closing quote.",
        _ => $"Malformed row ({reason}).",
    };

    /// <summary>Reads named fields of the current record ("" for absent optional columns).</summary>
    private readonly ref struct RowReader(CsvReader reader, Dictionary<string, int> columns)
    {
        private readonly CsvReader _reader = reader;

        public string Get(string column) =>
            columns.TryGetValue(column, out var i) && i < _reader.FieldCount ? (_reader.GetString(i) ?? string.Empty).Trim() : string.Empty;
    }
}
