using System.Text.Json.Serialization;

namespace CstmML.Features.Featurization;

/// <summary>The wire form of <see cref="FeatureSchema"/>; every field nullable so a missing one is reported by name.</summary>
internal sealed record FeatureSchemaDocument
{
    [JsonPropertyName(FeatureSchemaJson.Version)]
    public string? Version { get; init; }

    [JsonPropertyName(FeatureSchemaJson.Dimension)]
    public int? Dimension { get; init; }

    [JsonPropertyName(FeatureSchemaJson.HashSeed)]
    public uint? HashSeed { get; init; }

    [JsonPropertyName(FeatureSchemaJson.TechniqueBuckets)]
    public int? TechniqueBuckets { get; init; }

    [JsonPropertyName(FeatureSchemaJson.AlertTypeBuckets)]
    public int? AlertTypeBuckets { get; init; }

    [JsonPropertyName(FeatureSchemaJson.Fingerprint)]
    public string? Fingerprint { get; init; }

    [JsonPropertyName(FeatureSchemaJson.Names)]
    public IReadOnlyList<string>? Names { get; init; }
}
