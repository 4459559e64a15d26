using CstmML.Training.Evaluation;

namespace CstmML.Training.Tests.Evaluation;

public class CalibrationMetricsTests
{
    [Fact]
    public void ExpectedCalibrationError_OverconfidentBin_IsGapTimesShare()
    {
        // 4 rows at 0.9 confidence, 2 right: gap 0.4 in a bin holding all rows.
        var ece = CalibrationMetrics.ExpectedCalibrationError([0.9, 0.9, 0.9, 0.9], [true, true, false, false]);

        Assert.Equal(0.4, ece, 12);
    }

    [Fact]
    public void ExpectedCalibrationError_PerfectlyCalibratedBins_IsZero()
    {
        var ece = CalibrationMetrics.ExpectedCalibrationError([0.5, 0.5, 1.0], [true, false, true]);

        Assert.Equal(0.0, ece, 12);
    }

    [Fact]
    public void Reliability_FifteenBins_PutsEdgesInLowerBin()
    {
        var bins = CalibrationMetrics.Reliability([1.0 / 15, 0.0, 1.0], [true, true, true]);

        Assert.Equal(2, bins.Count);
        Assert.Equal(2, bins[0].Count);
        Assert.Equal(1, bins[1].Count);
    }
}
