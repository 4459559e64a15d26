using System.Text.Json.Serialization;

namespace CstmML.Scoring.Exports;

/// <summary>The colour scale scores are painted with; <see cref="MaxValue"/> must exceed <see cref="MinValue"/>.</summary>
public sealed record NavigatorGradient(
    [property: JsonPropertyName(NavigatorFields.Colors)] IReadOnlyList<string> Colors,
    [property: JsonPropertyName(NavigatorFields.MinValue)] double MinValue,
    [property: JsonPropertyName(NavigatorFields.MaxValue)] double MaxValue);
