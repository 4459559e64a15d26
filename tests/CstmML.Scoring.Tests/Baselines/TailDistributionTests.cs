using CstmML.Scoring.Baselines;

namespace CstmML.Scoring.Tests.Baselines;

public class TailDistributionTests
{
    private static readonly TailDistribution Tail = TailDistribution.From([3, 1, 2, 4]);

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(2.0, 4.0 / 5)]
    [InlineData(4.0, 2.0 / 5)]
    public void UpperTailProbability_InsideRange_IsEmpirical(double score, double expected) =>
        Assert.Equal(expected, Tail.UpperTailProbability(score), 12);

    [Fact]
    public void UpperTailProbability_BeyondMax_KeepsDecreasing()
    {
        var p1 = Tail.UpperTailProbability(5);
        var p2 = Tail.UpperTailProbability(8);

        Assert.True(p1 < 1.0 / 5);
        Assert.True(p2 < p1);
        Assert.True(p2 > 0);
    }

    [Fact]
    public void Quantile_NearestRank_ReturnsObservedValue()
    {
        Assert.Equal(4, Tail.Quantile(0.99));
        Assert.Equal(2, Tail.Quantile(0.5));
    }

    [Fact]
    public void Combine_SmallerTailProbabilities_HigherScore()
    {
        Assert.True(AnomalyCombiner.Combine(0.01, 0.01) > AnomalyCombiner.Combine(0.5, 0.01));
        Assert.Equal(2.0, AnomalyCombiner.Combine(0.01, null), 12);
    }
}
