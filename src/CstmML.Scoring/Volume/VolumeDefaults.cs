namespace CstmML.Scoring.Volume;

/// <summary>The documented defaults of <see cref="VolumeOptions"/> (docs/volume.md explains each choice).</summary>
public static class VolumeDefaults
{
    /// <summary>Robust z (variance-stabilized units) an hour must reach to be a spike: ~5 standard deviations.</summary>
    public const double SpikeThreshold = 5.0;

    /// <summary>Fewer alerts than this in an hour are never a spike, whatever the z.</summary>
    public const int MinCount = 5;

    /// <summary>Robust z of the two-window median difference that makes a level shift.</summary>
    public const double ShiftThreshold = 5.0;

    /// <summary>A level shift must also move the typical hourly count by at least this many alerts.</summary>
    public const double MinShiftCount = 3.0;

    /// <summary>Width of each of the two windows compared for level shifts, and of the trailing local-level window.</summary>
    public const int WindowHours = 24;

    /// <summary>An hour is tested for spikes only after this much history of its series.</summary>
    public const int MinHistoryHours = 24;

    /// <summary>Weeks of data needed for an hour-of-week profile; below it the profile is hour-of-day.</summary>
    public const int MinWeeksForWeekly = 2;

    /// <summary>Days of data needed for an hour-of-day profile; below it there is no seasonal profile (global median).</summary>
    public const int MinDaysForDaily = 3;

    /// <summary>Series with fewer alerts in total are not analysed (they cannot reach <see cref="MinCount"/> twice).</summary>
    public const int MinSeriesTotal = 5;

    /// <summary>At most the last 8 weeks of each series are analysed.</summary>
    public const int MaxHours = 24 * 7 * 8;

    /// <summary>At most this many (series, hour) cells are kept: about 40 bytes each, so ~80 MB.</summary>
    public const int MaxCells = 2_000_000;

    /// <summary>
    /// Added to the robust scale so z stays finite when a series is flat (MAD = 0); in variance-stabilized units, where
    /// Poisson noise has a standard deviation of about 1, so it barely moves z on a busy series.
    /// </summary>
    public const double Epsilon = 0.1;
}
