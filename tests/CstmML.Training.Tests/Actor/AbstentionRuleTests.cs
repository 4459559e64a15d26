using CstmML.Training.Actor;

namespace CstmML.Training.Tests.Actor;

public class AbstentionRuleTests
{
    [Fact]
    public void Choose_TargetReachable_PicksLowestThresholdMeetingIt()
    {
        // Sorted: 0.95 ok, 0.9 ok, 0.8 ok, 0.7 wrong, 0.6 ok, 0.5 wrong -> top 3: 100%, top 5: 80%, top 4: 75%.
        var t = AbstentionRule.Choose([0.9, 0.5, 0.95, 0.7, 0.8, 0.6], [true, false, true, false, true, true], 0.8, 0.2);

        Assert.Equal(0.6, t);
    }

    [Fact]
    public void Choose_TargetUnreachable_BestAccuracyWithMinimumCoverage()
    {
        // Top 1 wrong, top 2: 50%, top 4: 50%; coverage >= 50% means m >= 2; best is m = 2 (0.8) on ties by order.
        var t = AbstentionRule.Choose([0.9, 0.8, 0.7, 0.6], [false, true, false, true], 0.99, 0.5);

        Assert.Equal(0.8, t);
    }
}
