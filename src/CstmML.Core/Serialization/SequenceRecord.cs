using CstmML.Core.Alerts;

namespace CstmML.Core.Serialization;

/// <summary>One line of <c>cstm sequences</c> output: a closed session of one principal.</summary>
public sealed record SequenceRecord
{
    /// <summary>Stable id: a hash of account, principal, start and first alert id.</summary>
    public required string SequenceId { get; init; }

    public required string Account { get; init; }

    public required string Principal { get; init; }

    public required string PrincipalType { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>End minus start, in seconds.</summary>
    public required double DurationSeconds { get; init; }

    public required int AlertCount { get; init; }

    /// <summary>Techniques in event order, consecutive repeats collapsed.</summary>
    public required IReadOnlyList<TechniqueId> Techniques { get; init; }

    /// <summary>Tactics in the order first reached, consecutive repeats collapsed.</summary>
    public required IReadOnlyList<TacticId> TacticChain { get; init; }

    /// <summary>Alert ids in sequence order.</summary>
    public required IReadOnlyList<string> AlertIds { get; init; }

    /// <summary>Alert types in sequence order, one per alert (aligned with <see cref="AlertIds"/>).</summary>
    public required IReadOnlyList<string> Types { get; init; }

    /// <summary>Distinct products that contributed alerts, in first-seen order.</summary>
    public required IReadOnlyList<AlertProduct> Products { get; init; }

    /// <summary>How many of the alerts arrived after the watermark had passed them (late events).</summary>
    public int LateAlerts { get; init; }

    /// <summary>Ids of previously emitted sequences this one supersedes (a late event re-opened them); null when none.</summary>
    public IReadOnlyList<string>? Replaces { get; init; }
}
