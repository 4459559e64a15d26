using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

public class IdDeduplicatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsDuplicate_SecondSighting_IsTrue()
    {
        var d = new IdDeduplicator(TimeSpan.FromHours(1));
        Assert.False(d.IsDuplicate("a", T0));
        Assert.True(d.IsDuplicate("a", T0.AddMinutes(5)));
    }

    [Fact]
    public void IsDuplicate_IdsOlderThanTheWindow_AreForgotten()
    {
        var d = new IdDeduplicator(TimeSpan.FromHours(1));
        d.IsDuplicate("old", T0);
        d.IsDuplicate("new", T0.AddHours(2));
        Assert.Equal(1, d.Count);
        Assert.False(d.IsDuplicate("old", T0));
    }

    [Fact]
    public void Ctor_NonPositiveWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IdDeduplicator(TimeSpan.Zero));
}
