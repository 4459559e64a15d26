using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

public class IdDeduplicatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsDuplicate_RepeatWeeksLaterInEventTime_IsCaughtWhileFewIdsAreRemembered()
    {
        var d = new IdDeduplicator(TimeSpan.FromHours(24));
        Assert.False(d.IsDuplicate("a", T0));
        Assert.False(d.IsDuplicate("b", T0.AddDays(30)));
        Assert.True(d.IsDuplicate("a", T0));
        Assert.Equal(2, d.Count);
    }

    [Fact]
    public void IsDuplicate_PastTheFloor_ForgetsIdsOutsideTheWindow()
    {
        var d = new IdDeduplicator(TimeSpan.FromHours(1));
        Assert.False(d.IsDuplicate("old", T0));
        for (var i = 0; i < IdDeduplicator.MinRemembered; i++)
        {
            d.IsDuplicate("n" + i, T0.AddMinutes(1));
        }

        // A newer event moves the window past "old", and more than the floor of ids are held: it is forgotten.
        Assert.False(d.IsDuplicate("new", T0.AddHours(3)));
        Assert.False(d.IsDuplicate("old", T0));
        Assert.True(d.Count <= IdDeduplicator.MinRemembered + 2);
    }
}
