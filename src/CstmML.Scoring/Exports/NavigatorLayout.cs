using System.Text.Json.Serialization;

namespace CstmML.Scoring.Exports;

/// <summary>How the matrix is drawn: CstmML shows ids and expands annotated sub-techniques.</summary>
public sealed record NavigatorLayout
{
    [JsonPropertyName(NavigatorFields.Layout)]
    public string Layout { get; init; } = "side";

    [JsonPropertyName(NavigatorFields.ShowId)]
    public bool ShowId { get; init; } = true;

    [JsonPropertyName(NavigatorFields.ShowName)]
    public bool ShowName { get; init; } = true;

    [JsonPropertyName(NavigatorFields.ExpandedSubtechniques)]
    public string ExpandedSubtechniques { get; init; } = "annotated";
}
