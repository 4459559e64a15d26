using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CstmML.Core.Alerts;

/// <summary>An ATT&amp;CK technique or sub-technique id such as <c>T1078</c> or <c>T1078.004</c>.</summary>
[JsonConverter(typeof(TechniqueIdJsonConverter))]
public readonly record struct TechniqueId : IComparable<TechniqueId>
{
    private TechniqueId(string value) => Value = value;

    /// <summary>The canonical text, upper case, e.g. <c>T1552.005</c>.</summary>
    public string Value { get; }

    /// <summary>True for a sub-technique (<c>Tnnnn.nnn</c>).</summary>
    public bool IsSubTechnique => Value is { Length: 9 };

    /// <summary>The parent technique of a sub-technique, or the technique itself.</summary>
    public TechniqueId Parent => IsSubTechnique ? new TechniqueId(Value[..5]) : this;

    /// <summary>Parses <c>T1234</c> or <c>T1234.123</c> (case-insensitive, surrounding white space ignored).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TechniqueId id)
    {
        id = default;
        if (text is null)
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (s.Length is not (5 or 9) || (s[0] is not ('T' or 't')))
        {
            return false;
        }

        for (var i = 1; i < 5; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        if (s.Length == 9)
        {
            if (s[5] != '.' || !char.IsAsciiDigit(s[6]) || !char.IsAsciiDigit(s[7]) || !char.IsAsciiDigit(s[8]))
            {
                return false;
            }
        }

        id = new TechniqueId(string.Concat("T", s[1..]));
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the bad text.</summary>
    public static TechniqueId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an ATT&CK technique id (Tnnnn or Tnnnn.nnn).");

    /// <summary>True when this id equals <paramref name="other"/> or is one of its sub-techniques.</summary>
    public bool IsWithin(TechniqueId other) =>
        Value == other.Value || (IsSubTechnique && !other.IsSubTechnique && Value.StartsWith(other.Value, StringComparison.Ordinal));

    public int CompareTo(TechniqueId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;

    public static bool operator <(TechniqueId left, TechniqueId right) => left.CompareTo(right) < 0;

    public static bool operator >(TechniqueId left, TechniqueId right) => left.CompareTo(right) > 0;

    public static bool operator <=(TechniqueId left, TechniqueId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(TechniqueId left, TechniqueId right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads and writes <see cref="TechniqueId"/> as its string.</summary>
public sealed class TechniqueIdJsonConverter : JsonConverter<TechniqueId>
{
    public override TechniqueId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TechniqueId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Invalid ATT&CK technique id.");

    public override void Write(Utf8JsonWriter writer, TechniqueId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
