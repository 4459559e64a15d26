namespace CstmML.Training.Simulation;

/// <summary>Gap draws for the timing models (seconds).</summary>
internal static class Clock
{
    /// <summary>The gap before the next call inside a stage or session.</summary>
    public static TimeSpan CallGap(SimRandom rng, TimingModel timing, double manualMedianSeconds = 35) => timing switch
    {
        // Tools fire calls back to back: sub-second to a few seconds.
        TimingModel.Automated or TimingModel.Mixed => TimeSpan.FromSeconds(Math.Min(0.05 + rng.Exponential(1.2), 15)),
        _ => TimeSpan.FromSeconds(Math.Clamp(rng.LogNormal(manualMedianSeconds, 1.0), 1, 1800)),
    };

    /// <summary>The pause between two stages of an incident.</summary>
    public static TimeSpan StageGap(SimRandom rng, TimingModel timing) => timing switch
    {
        TimingModel.Automated => TimeSpan.FromSeconds(Math.Min(0.5 + rng.Exponential(6), 120)),
        TimingModel.Mixed => TimeSpan.FromSeconds(Math.Clamp(rng.LogNormal(150, 0.8), 10, 3600)),
        _ => TimeSpan.FromSeconds(Math.Clamp(rng.LogNormal(900, 0.9), 60, 4 * 3600)),
    };

    /// <summary>The delay between the activity and the provider's finding.</summary>
    public static TimeSpan FindingDelay(SimRandom rng) => TimeSpan.FromSeconds(rng.Between(120, 900));
}
