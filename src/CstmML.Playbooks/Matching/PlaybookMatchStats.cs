namespace CstmML.Playbooks.Matching;

/// <summary>Counters of a matching session: nothing is dropped without being counted here.</summary>
public sealed record PlaybookMatchStats
{
    public long AlertsProcessed { get; init; }

    /// <summary>Alerts older than the allowed lateness behind the newest event time: skipped.</summary>
    public long AlertsLate { get; init; }

    /// <summary>Alerts that matched a step but lacked the playbook's group key (e.g. no source IP).</summary>
    public long AlertsUngrouped { get; init; }

    public long PartialMatchesOpened { get; init; }

    /// <summary>Partial matches restarted at a newer alert in the same state (the newer one dominates).</summary>
    public long PartialMatchesRestarted { get; init; }

    /// <summary>Partial matches whose window ended below the minimum.</summary>
    public long PartialMatchesExpired { get; init; }

    /// <summary>Partial matches killed by an absent step.</summary>
    public long PartialMatchesNegated { get; init; }

    /// <summary>Partial matches dropped because an overlapping detection of the same playbook and key was emitted.</summary>
    public long PartialMatchesSuppressed { get; init; }

    /// <summary>Partial matches evicted or refused because a cap was reached.</summary>
    public long Overflow { get; init; }

    public long LivePartialMatches { get; init; }

    public long PeakLivePartialMatches { get; init; }

    public long Detections { get; init; }

    /// <summary>Alerts waiting in the reorder buffer.</summary>
    public long Buffered { get; init; }
}
