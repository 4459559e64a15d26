using System.Text.Json.Serialization;

namespace CstmML.Scoring.Results;

/// <summary>Source-generated snake_case JSON of <see cref="ScoringResult"/>: one line per result in JSON Lines output and the host.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScoringResult))]
[JsonSerializable(typeof(IReadOnlyList<ScoringResult>))]
public sealed partial class ScoringResultJsonContext : JsonSerializerContext;
