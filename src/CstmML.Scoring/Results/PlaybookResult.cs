namespace CstmML.Scoring.Results;

/// <summary>A playbook's match against the sequence: matched steps with their alert ids, and the missing ones.</summary>
public sealed record PlaybookResult
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public string? Actor { get; init; }

    public required int StepsMatched { get; init; }

    public required int StepsTotal { get; init; }

    public required int Minimum { get; init; }

    /// <summary>True when the match reached the playbook's minimum.</summary>
    public required bool Detected { get; init; }

    public IReadOnlyList<PlaybookStepResult> Steps { get; init; } = [];

    public IReadOnlyList<string> MissingSteps { get; init; } = [];

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }
}
