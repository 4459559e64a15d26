using System.Text.Json.Serialization;

namespace CstmML.Playbooks.Matching;

/// <summary>One step of a detection: the alerts that satisfied it (or contributed to it) and whether it holds.</summary>
public sealed record StepResult(
    [property: JsonPropertyName(DetectionFields.Name)] string Name,
    [property: JsonPropertyName(DetectionFields.AlertIds)] IReadOnlyList<string> AlertIds,
    [property: JsonPropertyName(DetectionFields.Matched)] bool Matched);
