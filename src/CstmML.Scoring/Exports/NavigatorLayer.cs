using System.Text.Json.Serialization;

namespace CstmML.Scoring.Exports;

/// <summary>An ATT&amp;CK Navigator layer, format 4.5.</summary>
public sealed record NavigatorLayer
{
    [JsonPropertyName(NavigatorFields.Name)]
    public required string Name { get; init; }

    [JsonPropertyName(NavigatorFields.Versions)]
    public NavigatorVersions Versions { get; init; } = new();

    [JsonPropertyName(NavigatorFields.Domain)]
    public string Domain { get; init; } = NavigatorFields.EnterpriseDomain;

    [JsonPropertyName(NavigatorFields.Description)]
    public string Description { get; init; } = string.Empty;

    /// <summary>3 = by score, descending.</summary>
    [JsonPropertyName(NavigatorFields.Sorting)]
    public int Sorting { get; init; } = 3;

    [JsonPropertyName(NavigatorFields.Layout)]
    public NavigatorLayout Layout { get; init; } = new();

    [JsonPropertyName(NavigatorFields.HideDisabled)]
    public bool HideDisabled { get; init; }

    [JsonPropertyName(NavigatorFields.Techniques)]
    public IReadOnlyList<NavigatorTechnique> Techniques { get; init; } = [];

    [JsonPropertyName(NavigatorFields.Gradient)]
    public required NavigatorGradient Gradient { get; init; }

    [JsonPropertyName(NavigatorFields.LegendItems)]
    public IReadOnlyList<NavigatorLegendItem> LegendItems { get; init; } = [];

    [JsonPropertyName(NavigatorFields.Metadata)]
    public IReadOnlyList<NavigatorMetadata> Metadata { get; init; } = [];
}
