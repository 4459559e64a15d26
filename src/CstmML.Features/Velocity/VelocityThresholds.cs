namespace CstmML.Features.Velocity;

/// <summary>The rules that turn gap statistics into a <see cref="VelocityClass"/>; defaults in <see cref="VelocityDefaults"/>.</summary>
public sealed record VelocityThresholds
{
    /// <summary>The documented defaults.</summary>
    public static VelocityThresholds Default { get; } = new();

    public int MinGaps { get; init; } = VelocityDefaults.MinGaps;

    public double AutomatedMaxMedianGapSeconds { get; init; } = VelocityDefaults.AutomatedMaxMedianGapSeconds;

    public double FastGapSeconds { get; init; } = VelocityDefaults.FastGapSeconds;

    public double AutomatedMinFastShare { get; init; } = VelocityDefaults.AutomatedMinFastShare;

    public double ScheduledMaxCv { get; init; } = VelocityDefaults.ScheduledMaxCv;

    public int ScheduledMinGaps { get; init; } = VelocityDefaults.ScheduledMinGaps;

    public double ManualMinMedianGapSeconds { get; init; } = VelocityDefaults.ManualMinMedianGapSeconds;

    public double ManualMinCv { get; init; } = VelocityDefaults.ManualMinCv;
}
