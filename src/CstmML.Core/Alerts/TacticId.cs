using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CstmML.Core.Alerts;

/// <summary>An ATT&amp;CK tactic id such as <c>TA0001</c>.</summary>
[JsonConverter(typeof(TacticIdJsonConverter))]
public readonly record struct TacticId : IComparable<TacticId>
{
    private TacticId(string value) => Value = value;

    /// <summary>The canonical text, e.g. <c>TA0007</c>.</summary>
    public string Value { get; }

    /// <summary>Parses <c>TAnnnn</c> (case-insensitive).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TacticId id)
    {
        id = default;
        if (text is null)
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (s.Length != 6 || !s.StartsWith("TA", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 2; i < 6; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        id = new TacticId(string.Concat("TA", s[2..]));
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the bad text.</summary>
    public static TacticId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an ATT&CK tactic id (TAnnnn).");

    public int CompareTo(TacticId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;

    public static bool operator <(TacticId left, TacticId right) => left.CompareTo(right) < 0;

    public static bool operator >(TacticId left, TacticId right) => left.CompareTo(right) > 0;

    public static bool operator <=(TacticId left, TacticId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(TacticId left, TacticId right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads and writes <see cref="TacticId"/> as its string.</summary>
public sealed class TacticIdJsonConverter : JsonConverter<TacticId>
{
    public override TacticId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TacticId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Invalid ATT&CK tactic id.");

    public override void Write(Utf8JsonWriter writer, TacticId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
