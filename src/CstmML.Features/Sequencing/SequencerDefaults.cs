namespace CstmML.Features.Sequencing;

/// <summary>The documented defaults of <see cref="SequencerOptions"/> and why each has its value (docs/sequencing.md).</summary>
public static class SequencerDefaults
{
    /// <summary>
    /// 1 hour of silence ends a session. msticpy's sessionize defaults (2 min gap, 20 min span) suit interactive
    /// command lines; cloud alerts are sparser: a hands-on-keyboard intrusion pauses between discovery and
    /// action for tens of minutes, while a principal that is idle for an hour has usually finished its task.
    /// </summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromHours(1);

    /// <summary>
    /// 24 hours is the longest session: it bounds memory and the work of a re-score, and a campaign that runs for
    /// days is still seen as consecutive daily sessions of the same principal.
    /// </summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromHours(24);

    /// <summary>
    /// 15 minutes of allowed lateness: CloudTrail delivers events within about 5 minutes on average and
    /// EventBridge within seconds, so 15 minutes absorbs delivery jitter while keeping sessions flowing.
    /// </summary>
    public static readonly TimeSpan Lateness = TimeSpan.FromMinutes(15);

    /// <summary>
    /// 1 hour: how long a closed session is kept (past its end plus the max gap) so that a late event can re-open
    /// it. Later events start a new session, flagged as late.
    /// </summary>
    public static readonly TimeSpan ReopenHorizon = TimeSpan.FromHours(1);
}
