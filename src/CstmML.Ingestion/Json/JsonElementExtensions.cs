using System.Globalization;
using System.Text.Json;

namespace CstmML.Ingestion.Json;

/// <summary>Null-safe reads from provider JSON: a missing or mistyped field is null, never an exception.</summary>
public static class JsonElementExtensions
{
    /// <summary>The property value when <paramref name="e"/> is an object that has it (case-sensitive).</summary>
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    /// <summary>Follows a path of property names.</summary>
    public static JsonElement? Path(this JsonElement e, string a, string b) => e.Prop(a)?.Prop(b);

    /// <summary>Follows a path of property names.</summary>
    public static JsonElement? Path(this JsonElement e, string a, string b, string c) => e.Prop(a)?.Prop(b)?.Prop(c);

    /// <summary>Follows a path of property names.</summary>
    public static JsonElement? Path(this JsonElement e, string a, string b, string c, string d) => e.Prop(a)?.Prop(b)?.Prop(c)?.Prop(d);

    /// <summary>The string value, or a number/bool rendered invariantly; null for objects, arrays and missing values.</summary>
    public static string? AsString(this JsonElement? e) => e is { } v ? v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    } : null;

    /// <summary>The string of a property, or null.</summary>
    public static string? Str(this JsonElement e, string name) => e.Prop(name).AsString();

    /// <summary>A non-empty string of a property, or null.</summary>
    public static string? NonEmpty(this JsonElement e, string name) => e.Str(name) is { Length: > 0 } s ? s : null;

    /// <summary>A number, also when written as a string.</summary>
    public static double? AsDouble(this JsonElement? e) => e is { } v ? v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    } : null;

    /// <summary>
    /// A timestamp: ISO 8601 text (any offset, converted to UTC), or epoch seconds / milliseconds as a number or
    /// numeric string. Null when missing or unparseable.
    /// </summary>
    public static DateTimeOffset? AsTime(this JsonElement? e)
    {
        if (e is not { } v)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString();
            if (string.IsNullOrWhiteSpace(s))
            {
                return null;
            }

            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            {
                return t.ToUniversalTime();
            }

            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? FromEpoch(n) : null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var num) ? FromEpoch(num) : null;
    }

    private static DateTimeOffset? FromEpoch(double n)
    {
        // Seconds until year 5138; above that the value is milliseconds.
        var ms = n > 1e11 ? n : n * 1000d;
        return ms is > 0 and < 253402300799999d ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null;
    }
}
