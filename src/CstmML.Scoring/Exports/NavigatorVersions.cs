using System.Text.Json.Serialization;

namespace CstmML.Scoring.Exports;

/// <summary>The layer's versions object (ATT&amp;CK, Navigator and layer format).</summary>
public sealed record NavigatorVersions
{
    [JsonPropertyName(NavigatorFields.Attack)]
    public string Attack { get; init; } = NavigatorFields.AttackVersion;

    [JsonPropertyName(NavigatorFields.Navigator)]
    public string Navigator { get; init; } = NavigatorFields.NavigatorVersion;

    [JsonPropertyName(NavigatorFields.Layer)]
    public string Layer { get; init; } = NavigatorFields.LayerFormatVersion;
}
