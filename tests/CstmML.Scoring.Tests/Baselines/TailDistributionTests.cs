using System.Text;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Models;

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

    [Fact]
    public void Combine_ThreeSignals_IsFisherWithSixDegreesOfFreedom()
    {
        // h = -Σ ln p; survival of χ²(6) at 2h = e^{-h}(1 + h + h²/2).
        double[] p = [0.1, 0.2, 0.3];
        var h = -p.Sum(Math.Log);
        var expected = -Math.Log10(Math.Exp(-h) * (1 + h + (h * h / 2)));

        Assert.Equal(expected, AnomalyCombiner.Combine(p), 10);
    }

    [Fact]
    public void Combine_TwoSignals_SameAsPairOverload()
    {
        Assert.Equal(AnomalyCombiner.Combine(0.03, 0.4), AnomalyCombiner.Combine([0.03, 0.4]), 12);
        Assert.Equal(AnomalyCombiner.Combine(0.03, null), AnomalyCombiner.Combine([0.03]), 12);
    }

    [Fact]
    public void Combine_ExtremeProbabilities_KeepsRankingPastDoubleRange()
    {
        // Computed in log space, so two extreme anomalies do not tie at the smallest double.
        var strong = AnomalyCombiner.Combine([1e-300, 1e-300]);
        var stronger = AnomalyCombiner.Combine([1e-300, 1e-300, 1e-300]);

        Assert.True(strong > 500);
        Assert.True(stronger > strong);
    }

    [Fact]
    public void UpperTailProbability_ScaleFloor_BoundsDecayOfConstantScores()
    {
        var zeros = TailDistribution.From([0, 0, 0, 0], scaleFloor: 1.0);

        Assert.Equal(1.0, zeros.UpperTailProbability(0), 12);
        Assert.Equal(0.2 * Math.Exp(-1), zeros.UpperTailProbability(1), 12);
        Assert.Equal(0.2 * Math.Exp(-3), zeros.UpperTailProbability(3), 12);
    }

    [Fact]
    public void UpperTailProbability_LogSpace_DecaysSlowerForFarOutliers()
    {
        double[] scores = [1, 1.2, 0.9, 1.1, 1.05];
        var linear = TailDistribution.From(scores);
        var log = TailDistribution.From(scores) with { LogSpace = true };

        Assert.True(log.UpperTailProbability(20) > linear.UpperTailProbability(20));
        Assert.True(log.UpperTailProbability(20) < log.UpperTailProbability(5));
        Assert.Equal(linear.UpperTailProbability(1.0), log.UpperTailProbability(1.0), 12);
    }

    [Fact]
    public void Parse_FileWithoutNewFields_ScoresLikeBefore()
    {
        // baselines.json written before the novelty signal and the log-space tail had only "sorted".
        var old = ArtifactJson.Parse(Encoding.UTF8.GetBytes("""{"sorted":[1,2,3]}"""), ScoringJsonContext.Default.TailDistribution, "baselines.json");
        var constant = ArtifactJson.Parse(Encoding.UTF8.GetBytes("""{"sorted":[2,2]}"""), ScoringJsonContext.Default.TailDistribution, "baselines.json");

        Assert.False(old.LogSpace);
        Assert.Equal(TailDistribution.From([1, 2, 3]).UpperTailProbability(5), old.UpperTailProbability(5), 15);
        Assert.Equal(TailDistribution.From([2, 2]).UpperTailProbability(2 + 1e-6), constant.UpperTailProbability(2 + 1e-6), 15);
        Assert.True(constant.UpperTailProbability(2 + 1e-6) > 0);
    }

    [Fact]
    public void ToUtf8_ScaleFloorAndLogSpace_RoundTrip()
    {
        var tail = TailDistribution.From([0, 1, 2], scaleFloor: 1.0) with { LogSpace = true };

        var back = ArtifactJson.Parse(ArtifactJson.ToUtf8(tail, ScoringJsonContext.Default.TailDistribution), ScoringJsonContext.Default.TailDistribution, "t.json");

        Assert.True(back.LogSpace);
        Assert.Equal(1.0, back.ScaleFloor);
        Assert.Equal(tail.UpperTailProbability(7), back.UpperTailProbability(7), 15);
    }

    [Fact]
    public void ScoreAtTailProbability_ResolvedByData_IsNearestRankQuantile() =>
        Assert.Equal(Tail.Quantile(0.75), Tail.ScoreAtTailProbability(0.25));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ScoreAtTailProbability_BelowResolution_InvertsTheTail(bool logSpace)
    {
        var tail = Tail with { LogSpace = logSpace };

        var score = tail.ScoreAtTailProbability(0.01);

        Assert.True(score > 4);
        Assert.Equal(0.01, tail.UpperTailProbability(score), 9);
    }

    [Fact]
    public void UpperTailProbability_CopiesWithOtherOptionsAfterUse_SameAsFreshDistributions()
    {
        // The beyond-max scale is cached on first use; a 'with' copy shares the field but not the options.
        double[] scores = [0, 1, 1, 2, 5];
        var used = TailDistribution.From(scores);
        var linear = used.UpperTailProbability(9);

        var log = used with { LogSpace = true };
        var floored = used with { ScaleFloor = 50 };

        Assert.Equal(new TailDistribution(used.Sorted) { LogSpace = true }.UpperTailProbability(9), log.UpperTailProbability(9));
        Assert.Equal(new TailDistribution(used.Sorted) { ScaleFloor = 50 }.UpperTailProbability(9), floored.UpperTailProbability(9));
        Assert.NotEqual(linear, log.UpperTailProbability(9));
        Assert.NotEqual(linear, floored.UpperTailProbability(9));
        Assert.Equal(linear, used.UpperTailProbability(9));
    }

    [Fact]
    public void Equals_OneUsedOneFresh_EqualValues()
    {
        var used = TailDistribution.From([1, 2, 3]);
        _ = used.UpperTailProbability(10);
        var fresh = new TailDistribution(used.Sorted);

        Assert.Equal(fresh, used);
        Assert.Equal(fresh.GetHashCode(), used.GetHashCode());
        Assert.NotEqual(fresh with { LogSpace = true }, used);
    }
}
