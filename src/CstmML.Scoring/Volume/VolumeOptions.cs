namespace CstmML.Scoring.Volume;

/// <summary>Thresholds and bounds of <see cref="VolumeAnalyzer"/>; defaults in <see cref="VolumeDefaults"/>.</summary>
public sealed record VolumeOptions
{
    public double SpikeThreshold { get; init; } = VolumeDefaults.SpikeThreshold;

    public int MinCount { get; init; } = VolumeDefaults.MinCount;

    public double ShiftThreshold { get; init; } = VolumeDefaults.ShiftThreshold;

    public double MinShiftCount { get; init; } = VolumeDefaults.MinShiftCount;

    public int WindowHours { get; init; } = VolumeDefaults.WindowHours;

    public int MinHistoryHours { get; init; } = VolumeDefaults.MinHistoryHours;

    public int MinWeeksForWeekly { get; init; } = VolumeDefaults.MinWeeksForWeekly;

    public int MinDaysForDaily { get; init; } = VolumeDefaults.MinDaysForDaily;

    public int MinSeriesTotal { get; init; } = VolumeDefaults.MinSeriesTotal;

    public int MaxHours { get; init; } = VolumeDefaults.MaxHours;

    public int MaxCells { get; init; } = VolumeDefaults.MaxCells;

    public double Epsilon { get; init; } = VolumeDefaults.Epsilon;

    /// <summary>Also count per tactic (one series per account/principal and tactic) besides all alerts.</summary>
    public bool PerTactic { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SpikeThreshold, 0, nameof(SpikeThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinCount, 1, nameof(MinCount));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ShiftThreshold, 0, nameof(ShiftThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(MinShiftCount, nameof(MinShiftCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowHours, 4, nameof(WindowHours));
        ArgumentOutOfRangeException.ThrowIfNegative(MinHistoryHours, nameof(MinHistoryHours));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinWeeksForWeekly, 1, nameof(MinWeeksForWeekly));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinDaysForDaily, 1, nameof(MinDaysForDaily));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHours, 2 * WindowHours, nameof(MaxHours));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCells, 1, nameof(MaxCells));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Epsilon, 0, nameof(Epsilon));
    }
}
