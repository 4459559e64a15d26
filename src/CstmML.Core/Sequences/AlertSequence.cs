using CstmML.Core.Alerts;

namespace CstmML.Core.Sequences;

/// <summary>
/// One session of one principal: its alerts in event-time order (ties broken by alert id), as built by the
/// sequencer in CstmML.Features. Everything downstream (features, playbooks, scoring) reads this type.
/// </summary>
public sealed record AlertSequence
{
    /// <summary>Stable id: a hash of account, principal, start time and first alert id.</summary>
    public required string SequenceId { get; init; }

    public required string Account { get; init; }

    public required string Principal { get; init; }

    public string PrincipalType { get; init; } = PrincipalTypes.Unknown;

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>The alerts, ordered by time then id; duplicates already removed.</summary>
    public required IReadOnlyList<NormalizedAlert> Alerts { get; init; }

    /// <summary>Techniques in event order, consecutive repeats collapsed.</summary>
    public IReadOnlyList<TechniqueId> Techniques { get; init; } = [];

    /// <summary>Tactics in the order the sequence first reached them, consecutive repeats collapsed.</summary>
    public IReadOnlyList<TacticId> TacticChain { get; init; } = [];
}
