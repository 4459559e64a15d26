using CstmML.Scoring.Results;

namespace CstmML.Host.Contracts;

/// <summary>One streaming detection: why it fired, which session state it scored, and the full result.</summary>
public sealed record Detection
{
    /// <summary>Opaque, stable, increasing cursor: pass it as <c>since</c> to get what came after.</summary>
    public required string Cursor { get; init; }

    /// <summary><see cref="DetectionTriggers"/>: playbook_completed or risk_threshold.</summary>
    public required string Trigger { get; init; }

    /// <summary><see cref="SessionStates"/>: open, closed or revised.</summary>
    public required string Session { get; init; }

    /// <summary>When the host emitted it (host clock).</summary>
    public required DateTimeOffset DetectedAt { get; init; }

    public required ScoringResult Result { get; init; }
}
