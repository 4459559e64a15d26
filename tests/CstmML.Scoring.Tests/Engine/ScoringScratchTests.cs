using CstmML.Scoring.Engine;

namespace CstmML.Scoring.Tests.Engine;

public class ScoringScratchTests
{
    [Fact]
    public void Features_SmallerThenLargerRequest_KeepsOneGrowingArray()
    {
        var scratch = ScoringScratch.Current;
        var first = scratch.Features(100);
        var again = scratch.Features(50);
        var larger = scratch.Features(first.Length + 1);

        Assert.True(first.Length >= 100);
        Assert.Same(first, again);
        Assert.True(larger.Length > first.Length);
        Assert.Same(larger, scratch.Features(10));
    }

    [Fact]
    public void Gather_BeyondMaxKeptLength_FreshArrayNotKept()
    {
        var scratch = ScoringScratch.Current;
        var kept = scratch.Gather(10);
        var huge = scratch.Gather(ScoringScratch.MaxKeptLength + 1);

        Assert.Equal(ScoringScratch.MaxKeptLength + 1, huge.Length);
        Assert.Same(kept, scratch.Gather(10));
    }

    [Fact]
    public void Current_TwoThreads_DifferentInstances()
    {
        ScoringScratch? other = null;
        var thread = new Thread(() => other = ScoringScratch.Current);
        thread.Start();
        thread.Join();

        Assert.NotNull(other);
        Assert.NotSame(ScoringScratch.Current, other);
        Assert.Same(ScoringScratch.Current, ScoringScratch.Current);
    }
}
