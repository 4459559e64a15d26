using System.Text.RegularExpressions;

namespace CstmML.Cli.Commands;

/// <summary>
/// The order <c>cstm score</c> and <c>cstm sequences</c> read files in, so that event time advances nearly
/// monotonically across files and a short lateness covers the rest. Files are ordered by the earliest time their path
/// tells: the delivery timestamp in a CloudTrail S3 file name (<c>&lt;account&gt;_CloudTrail_&lt;region&gt;_YYYYMMDDTHHmmZ_&lt;id&gt;.json.gz</c>,
/// five-minute granularity), else the <c>YYYY/MM/DD</c> folders of the S3 export layout
/// (<c>AWSLogs/&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/</c>), then by path. Regions and accounts of the same
/// day thus interleave by delivery time instead of one region's whole day after another's. Files without a time keep
/// their place after the timed ones, in path order.
/// </summary>
internal static partial class ScoreInputOrder
{
    /// <summary>The files ordered by the time in their path (<see cref="TimeKey"/>), then by path (ordinal).</summary>
    public static IReadOnlyList<string> Order(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return [.. files.OrderBy(f => TimeKey(f) ?? "~", StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal)];
    }

    /// <summary>
    /// <c>YYYYMMDDTHHmm</c> from a CloudTrail file name, else <c>YYYYMMDD</c> from the S3 date folders (which sorts
    /// before every time of that day), else null.
    /// </summary>
    public static string? TimeKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/');
        var name = FileStamp().Match(Path.GetFileName(normalized));
        if (name.Success)
        {
            return name.Groups[1].Value;
        }

        var m = DatePath().Match(normalized);
        return m.Success ? string.Concat(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value) : null;
    }

    [GeneratedRegex(@"/(\d{4})/(\d{2})/(\d{2})/[^/]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePath();

    [GeneratedRegex(@"_CloudTrail(?:-Digest)?_[A-Za-z0-9-]+_(\d{8}T\d{4})Z_", RegexOptions.CultureInvariant)]
    private static partial Regex FileStamp();
}
