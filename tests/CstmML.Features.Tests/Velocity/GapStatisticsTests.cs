using CstmML.Features.Velocity;

namespace CstmML.Features.Tests.Velocity;

public class GapStatisticsTests
{
    [Fact]
    public void MedianAbsoluteDeviation_RandomSortedGaps_SameAsSortingTheDeviations()
    {
        var random = new Random(17);
        for (var round = 0; round < 20_000; round++)
        {
            var m = 1 + random.Next(60);
            // Seconds with ties and zeros, fractions of every size, and the odd huge gap.
            var gaps = Enumerable.Range(0, m).Select(_ => random.Next(6) switch
            {
                0 => 0.0,
                1 => random.Next(5),
                2 => random.NextDouble() * 1e-3,
                3 => Math.Round(random.NextDouble() * 600, 7),
                4 => random.Next(86_400) * 1e7 / 1e7,
                _ => random.NextDouble() * 1e9,
            }).Order().ToArray();
            var median = (m & 1) == 1 ? gaps[m / 2] : (gaps[(m / 2) - 1] + gaps[m / 2]) / 2;

            var actual = GapStatistics.MedianAbsoluteDeviation(gaps, median);

            Assert.Equal(BitConverter.DoubleToInt64Bits(Reference(gaps, median)), BitConverter.DoubleToInt64Bits(actual));
        }
    }

    [Theory]
    [InlineData(new double[] { 5 }, 0)]
    [InlineData(new double[] { 0, 10 }, 5)]
    [InlineData(new double[] { 0, 10, 30 }, 10)]
    [InlineData(new double[] { 1, 1, 1, 1 }, 0)]
    [InlineData(new double[] { 0, 0, 1, 2, 100 }, 1)]
    public void FromSortedGaps_HandComputed_Mad(double[] gaps, double mad) =>
        Assert.Equal(mad, GapStatistics.FromSortedGaps(gaps, 100).Mad);

    // The definition: sort |gap - median| and take its median.
    private static double Reference(double[] gaps, double median)
    {
        var dev = gaps.Select(g => Math.Abs(g - median)).ToArray();
        Array.Sort(dev);
        var m = dev.Length;
        return (m & 1) == 1 ? dev[m / 2] : (dev[(m / 2) - 1] + dev[m / 2]) / 2;
    }
}
