using System.Text.Json.Serialization;

namespace CstmML.Scoring.Exports;

/// <summary>One technique annotation. Without <see cref="Tactic"/> it shows under every tactic of the technique.</summary>
public sealed record NavigatorTechnique
{
    [JsonPropertyName(NavigatorFields.TechniqueId)]
    public required string TechniqueId { get; init; }

    [JsonPropertyName(NavigatorFields.Tactic)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tactic { get; init; }

    /// <summary>Null leaves the technique unscored (hunt leads, parents shown only to expand their sub-techniques).</summary>
    [JsonPropertyName(NavigatorFields.Score)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Score { get; init; }

    /// <summary>An explicit colour overrides the gradient.</summary>
    [JsonPropertyName(NavigatorFields.Color)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Color { get; init; }

    [JsonPropertyName(NavigatorFields.Comment)]
    public string Comment { get; init; } = string.Empty;

    [JsonPropertyName(NavigatorFields.Enabled)]
    public bool Enabled { get; init; } = true;

    [JsonPropertyName(NavigatorFields.Metadata)]
    public IReadOnlyList<NavigatorMetadata> Metadata { get; init; } = [];

    [JsonPropertyName(NavigatorFields.ShowSubtechniques)]
    public bool ShowSubtechniques { get; init; }
}
