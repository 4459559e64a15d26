using CstmML.Core.Alerts;

namespace CstmML.Playbooks.Model;

/// <summary>An ordered pattern of alerts attributed to an actor or a behaviour class, as loaded from <c>playbook.yaml</c>.</summary>
public sealed record Playbook
{
    public required string Id { get; init; }

    /// <summary>Bumped whenever the steps change; reported with every detection.</summary>
    public required int Version { get; init; }

    /// <summary>The actor (e.g. SCARLETEEL), or null when the playbook describes a behaviour class.</summary>
    public string? Actor { get; init; }

    /// <summary>The behaviour class (e.g. cross-region enumeration), or null for an actor playbook.</summary>
    public string? Behaviour { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>Public reporting the playbook is grounded in.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The ATT&amp;CK techniques the playbook as a whole represents.</summary>
    public IReadOnlyList<TechniqueId> Attack { get; init; } = [];

    public PlaybookSeverity Severity { get; init; } = PlaybookSeverity.Medium;

    public GroupBy GroupBy { get; init; } = GroupBy.AccountPrincipal;

    /// <summary>Total window: first to last matched alert.</summary>
    public required TimeSpan Window { get; init; }

    /// <summary>Positive steps that must match for a detection; null means every required (non-optional) step.</summary>
    public int? Minimum { get; init; }

    public required IReadOnlyList<PlaybookStep> Steps { get; init; }

    /// <summary>The file it was loaded from.</summary>
    public SourcePosition? Position { get; init; }

    /// <summary>The actor, else the behaviour class.</summary>
    public string Label => Actor ?? Behaviour ?? Id;

    /// <summary>Steps that match alerts (every step that is not a negation).</summary>
    public int PositiveStepCount => Steps.Count(s => !s.Absent);

    /// <summary>The minimum in force: <see cref="Minimum"/> or the number of required positive steps.</summary>
    public int EffectiveMinimum => Minimum ?? Steps.Count(s => !s.Absent && !s.Optional);
}
