namespace CstmML.Features.Sequencing;

/// <summary>Session rules of the <see cref="Sequencer"/>; every default is in <see cref="SequencerDefaults"/>.</summary>
public sealed record SequencerOptions
{
    /// <summary>A silence longer than this starts a new session (an event exactly this long after the last stays).</summary>
    public TimeSpan MaxGap { get; init; } = SequencerDefaults.MaxGap;

    /// <summary>A session never lasts longer than this from its first event (an event exactly this long after stays).</summary>
    public TimeSpan MaxSpan { get; init; } = SequencerDefaults.MaxSpan;

    /// <summary>How far behind the newest event time the watermark trails; events older than the watermark are late.</summary>
    public TimeSpan Lateness { get; init; } = SequencerDefaults.Lateness;

    /// <summary>How long a closed session can still be re-opened by a late event.</summary>
    public TimeSpan ReopenHorizon { get; init; } = SequencerDefaults.ReopenHorizon;

    /// <summary>
    /// Whether held alerts are packed once the sequencer holds many (default true: a batch run holds a day of alerts
    /// nobody else keeps). False when the caller keeps the same alert objects alive itself (the host's streaming
    /// sessions), where packing would only cost time.
    /// </summary>
    public bool PackHeldAlerts { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public SequencerOptions Validate()
    {
        if (MaxGap <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGap), MaxGap, "MaxGap must be positive.");
        }

        if (MaxSpan <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSpan), MaxSpan, "MaxSpan must be positive.");
        }

        if (Lateness < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Lateness), Lateness, "Lateness must not be negative.");
        }

        if (ReopenHorizon < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReopenHorizon), ReopenHorizon, "ReopenHorizon must not be negative.");
        }

        return this;
    }
}
