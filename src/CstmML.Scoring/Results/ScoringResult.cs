using CstmML.Core.Alerts;
using CstmML.Features.Velocity;
using CstmML.Playbooks.Matching;

namespace CstmML.Scoring.Results;

/// <summary>The scoring result of one sequence (DESIGN.md "Scoring result"): a contract read by other tools.</summary>
public sealed record ScoringResult
{
    public required string SequenceId { get; init; }

    public required string Account { get; init; }

    public required string Principal { get; init; }

    public string? PrincipalType { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required int AlertCount { get; init; }

    /// <summary>Techniques in event order, consecutive repeats collapsed.</summary>
    public IReadOnlyList<TechniqueId> Techniques { get; init; } = [];

    /// <summary>Tactics in the order first reached.</summary>
    public IReadOnlyList<TacticId> TacticChain { get; init; } = [];

    /// <summary>The alert ids of the sequence, in order.</summary>
    public IReadOnlyList<string> AlertIds { get; init; } = [];

    /// <summary>The sequence's pace (events per minute, gaps, burstiness, class).</summary>
    public required VelocityProfile Velocity { get; init; }

    public AnomalyResult? Anomaly { get; init; }

    public ActorResult? Actor { get; init; }

    /// <summary>The playbooks this sequence matched to their minimum: steps with alert ids, missing steps, span.</summary>
    public IReadOnlyList<PlaybookDetection> Playbooks { get; init; } = [];

    /// <summary>Volume spikes or change points this sequence falls inside.</summary>
    public IReadOnlyList<VolumeFinding> Volume { get; init; } = [];

    public required RiskResult Risk { get; init; }

    public required ModelRef Model { get; init; }
}
