using System.Text.RegularExpressions;

namespace CstmML.Cli.Commands;

/// <summary>
/// The order <c>cstm score</c> reads files in: files whose path carries a date (the S3 export layout
/// <c>AWSLogs/&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/</c>) sorted by that date first, then by path, so
/// regions and accounts interleave day by day and the sequencer's one-day lateness covers the disorder. Files without
/// a date keep their place after the dated ones in path order.
/// </summary>
internal static partial class ScoreInputOrder
{
    /// <summary>The files ordered by the date in their path, then by path (ordinal).</summary>
    public static IReadOnlyList<string> Order(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return [.. files.OrderBy(f => DateKey(f) ?? "~", StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal)];
    }

    /// <summary>The <c>YYYY/MM/DD</c> of an S3-layout path as <c>YYYYMMDD</c>, or null.</summary>
    public static string? DateKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var m = DatePath().Match(path.Replace('\\', '/'));
        return m.Success ? string.Concat(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value) : null;
    }

    [GeneratedRegex(@"/(\d{4})/(\d{2})/(\d{2})/[^/]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePath();
}
