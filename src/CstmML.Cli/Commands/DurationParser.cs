using System.Globalization;

namespace CstmML.Cli.Commands;

/// <summary>Parses durations such as <c>90s</c>, <c>30m</c>, <c>1.5h</c>, <c>2d</c> or <c>hh:mm:ss</c>; never throws.</summary>
internal static class DurationParser
{
    /// <summary>The accepted forms, for error messages and help.</summary>
    public const string Forms = "a number with s, m, h or d (90s, 30m, 1h, 2d) or hh:mm:ss";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(s, [@"h\:mm\:ss", @"hh\:mm\:ss", @"d\.hh\:mm\:ss"], CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
        }

        var unit = char.ToLowerInvariant(s[^1]);
        if (!double.TryParse(s[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || double.IsInfinity(n))
        {
            return false;
        }

        double? seconds = unit switch
        {
            's' => n,
            'm' => n * 60,
            'h' => n * 3600,
            'd' => n * 86400,
            _ => null,
        };
        if (seconds is not { } sec || sec > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(sec);
        return true;
    }
}
