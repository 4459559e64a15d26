namespace CstmML.Training.Evaluation;

/// <summary>How <see cref="GroupedSplit"/> cuts the data into train / calibration / test.</summary>
public sealed record SplitOptions
{
    /// <summary>Seeds the group shuffle (ignored when <see cref="TimeOrdered"/>).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share of rows (by whole groups) for training. Default 0.6.</summary>
    public double TrainFraction { get; init; } = 0.6;

    /// <summary>Share of rows for the calibration/validation fold. Default 0.2; the rest is the test fold.</summary>
    public double CalibrationFraction { get; init; } = 0.2;

    /// <summary>Order groups by their first event instead of shuffling: train is the past, test the future.</summary>
    public bool TimeOrdered { get; init; }
}
