using System.Globalization;

namespace CstmML.Playbooks.Loading;

/// <summary>Parses durations such as <c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>2d</c> (units ms, s, m, h, d). Never throws.</summary>
public static class DurationText
{
    /// <summary>Parses a positive duration; false for anything else.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var total = 0L;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || !long.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            long? unit = s[unitStart..i] switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                "d" => TimeSpan.TicksPerDay,
                _ => null,
            };
            if (unit is null || n > TimeSpan.MaxValue.Ticks / unit.Value / 2)
            {
                return false;
            }

            total += n * unit.Value;
        }

        if (total <= 0)
        {
            return false;
        }

        value = TimeSpan.FromTicks(total);
        return true;
    }

    /// <summary>Formats a duration in the same notation (largest units first).</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new System.Text.StringBuilder();
        void Add(long n, string unit)
        {
            if (n > 0)
            {
                parts.Append(n.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }

        Add((long)value.TotalDays, "d");
        Add(value.Hours, "h");
        Add(value.Minutes, "m");
        Add(value.Seconds, "s");
        Add(value.Milliseconds, "ms");
        return parts.ToString();
    }
}
