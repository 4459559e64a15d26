using System.Text.Json.Serialization;

namespace CstmML.Scoring.Exports;

/// <summary>A name/value metadata pair of a layer or technique.</summary>
public sealed record NavigatorMetadata(
    [property: JsonPropertyName(NavigatorFields.Name)] string Name,
    [property: JsonPropertyName(NavigatorFields.Value)] string Value);
