namespace CstmML.Features.Velocity;

/// <summary>
/// Defaults of <see cref="VelocityThresholds"/>. Grounding (docs/features.md): of the 16 Stratus Red Team detonations
/// with at least 3 events shipped in training-data/reference/samples, 15 have a median gap of at most 2 s and at least
/// 95% of gaps at most 5 s; the exception (bedrock-invoke-model) sleeps 10 s between calls on purpose.
/// </summary>
public static class VelocityDefaults
{
    /// <summary>Fewer gaps than this (3 alerts) give <see cref="VelocityClass.Unknown"/>: one gap says nothing about variance.</summary>
    public const int MinGaps = 2;

    /// <summary>Automated needs a median gap of at most 2 s (tools: 0-2 s; CloudTrail stamps to the second).</summary>
    public const double AutomatedMaxMedianGapSeconds = 2;

    /// <summary>A gap of at most 5 s counts as fast.</summary>
    public const double FastGapSeconds = 5;

    /// <summary>Automated also needs at least 80% fast gaps (tools: 95-100%), so one burst inside a slow session is not enough.</summary>
    public const double AutomatedMinFastShare = 0.8;

    /// <summary>Strictly periodic activity (CV at most 0.1 over at least 4 gaps) is a scheduler, whatever its period.</summary>
    public const double ScheduledMaxCv = 0.1;

    /// <summary>Gaps needed before periodicity is believed.</summary>
    public const int ScheduledMinGaps = 4;

    /// <summary>Manual needs a median gap of at least 20 s: human think time between console or CLI actions.</summary>
    public const double ManualMinMedianGapSeconds = 20;

    /// <summary>Manual also needs irregular gaps (CV at least 0.5; human think times are roughly exponential, CV near 1).</summary>
    public const double ManualMinCv = 0.5;
}
