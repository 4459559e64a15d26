using System.Text.Json.Serialization;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Matching;

/// <summary>A match of a playbook that reached its minimum: which alerts satisfied which step, what is missing, the span.</summary>
public sealed record PlaybookDetection
{
    [JsonPropertyName(DetectionFields.PlaybookId)]
    public required string PlaybookId { get; init; }

    [JsonPropertyName(DetectionFields.Version)]
    public required int Version { get; init; }

    /// <summary>The actor, else the behaviour class.</summary>
    [JsonPropertyName(DetectionFields.Actor)]
    public required string Actor { get; init; }

    [JsonPropertyName(DetectionFields.Severity)]
    public required PlaybookSeverity Severity { get; init; }

    [JsonPropertyName(DetectionFields.GroupKey)]
    public required string GroupKey { get; init; }

    [JsonPropertyName(DetectionFields.StepsMatched)]
    public required int StepsMatched { get; init; }

    [JsonPropertyName(DetectionFields.StepsTotal)]
    public required int StepsTotal { get; init; }

    [JsonPropertyName(DetectionFields.Minimum)]
    public required int Minimum { get; init; }

    /// <summary>True when every required step holds (optional ones may be missing).</summary>
    [JsonPropertyName(DetectionFields.Complete)]
    public required bool Complete { get; init; }

    [JsonPropertyName(DetectionFields.Start)]
    public required DateTimeOffset Start { get; init; }

    [JsonPropertyName(DetectionFields.End)]
    public required DateTimeOffset End { get; init; }

    /// <summary>Every positive step in playbook order.</summary>
    [JsonPropertyName(DetectionFields.Steps)]
    public required IReadOnlyList<StepResult> Steps { get; init; }

    [JsonPropertyName(DetectionFields.MissingSteps)]
    public required IReadOnlyList<string> MissingSteps { get; init; }

    /// <summary>The playbook's ATT&amp;CK techniques.</summary>
    [JsonPropertyName(DetectionFields.Attack)]
    public IReadOnlyList<TechniqueId> Attack { get; init; } = [];
}
