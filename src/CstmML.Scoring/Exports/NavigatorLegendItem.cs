using System.Text.Json.Serialization;

namespace CstmML.Scoring.Exports;

/// <summary>One legend entry: a label and its colour.</summary>
public sealed record NavigatorLegendItem(
    [property: JsonPropertyName(NavigatorFields.Label)] string Label,
    [property: JsonPropertyName(NavigatorFields.Color)] string Color);
