namespace CstmML.Playbooks.Matching;

/// <summary>Limits and timing of the streaming matcher. Every default is documented in docs/playbooks.md.</summary>
public sealed record PlaybookEngineOptions
{
    /// <summary>Default <see cref="AllowedLateness"/>: CloudTrail delivers most events within about 5 minutes.</summary>
    public static readonly TimeSpan DefaultAllowedLateness = TimeSpan.FromMinutes(5);

    /// <summary>Default <see cref="MaxPartialMatchesPerKey"/>.</summary>
    public const int DefaultMaxPartialMatchesPerKey = 32;

    /// <summary>Default <see cref="MaxPartialMatches"/>.</summary>
    public const int DefaultMaxPartialMatches = 200_000;

    /// <summary>Default <see cref="MaxAlertIdsPerStep"/>.</summary>
    public const int DefaultMaxAlertIdsPerStep = 20;


    /// <summary>
    /// How far behind the newest event time an alert may arrive and still be matched in order. Alerts are held in a
    /// reorder buffer this long (in event time); older ones are counted as late and skipped. Zero disables buffering.
    /// </summary>
    public TimeSpan AllowedLateness { get; init; } = DefaultAllowedLateness;

    /// <summary>Partial matches kept per playbook and group key; beyond it the oldest is evicted and counted as overflow.</summary>
    public int MaxPartialMatchesPerKey { get; init; } = DefaultMaxPartialMatchesPerKey;

    /// <summary>Partial matches kept per session across all keys; beyond it new ones are refused and counted as overflow.</summary>
    public int MaxPartialMatches { get; init; } = DefaultMaxPartialMatches;

    /// <summary>Alert ids kept per step of a detection (count steps keep the newest).</summary>
    public int MaxAlertIdsPerStep { get; init; } = DefaultMaxAlertIdsPerStep;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(AllowedLateness, TimeSpan.Zero, nameof(AllowedLateness));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPartialMatchesPerKey, 1, nameof(MaxPartialMatchesPerKey));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPartialMatches, 1, nameof(MaxPartialMatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAlertIdsPerStep, 1, nameof(MaxAlertIdsPerStep));
    }
}
