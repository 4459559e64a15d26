namespace CstmML.Features.Velocity;

/// <summary>JSON field names of <see cref="VelocityProfile"/> (the <c>velocity</c> object of a scoring result).</summary>
public static class VelocityJson
{
    public const string EventsPerMinute = "events_per_minute";
    public const string MedianGapSeconds = "median_gap_seconds";
    public const string MinimumGapSeconds = "minimum_gap_seconds";
    public const string Burstiness = "burstiness";
    public const string Class = "class";
}
