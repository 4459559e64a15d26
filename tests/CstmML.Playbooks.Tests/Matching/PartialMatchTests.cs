using CstmML.Playbooks.Matching;

namespace CstmML.Playbooks.Tests.Matching;

/// <summary>Released partial matches and key states are reused: once reset, nothing of their past may show.</summary>
public class PartialMatchTests
{
    [Fact]
    public void Reset_AfterUse_ReadsLikeANewMatch()
    {
        var used = new PartialMatch(3, seq: 1) { Start = 10, End = 20, Last = 20, PrevStageLast = 15, Stage = 2, Matched = 0b101, CompletePending = true };
        used.AddId(0, "a", cap: 4);
        used.AddId(0, "b", cap: 4);
        used.AddId(2, "c", cap: 4);
        (used.Negations ??= []).Add((1, 20, 500));
        used.Accumulators = new StepAccumulator?[3];
        used.Accumulators[1] = new StepAccumulator();
        used.Accumulators[1]!.Add(5, "x", null, new Model.DistinctRequirement(Model.DistinctField.Region, 3));
        Assert.True(used.HasOpenAccumulator());

        used.Reset(seq: 7);
        var fresh = new PartialMatch(3, seq: 7);

        foreach (var m in new[] { used, fresh })
        {
            Assert.Equal(7, m.Seq);
            Assert.Equal(PartialMatch.None, m.Start);
            Assert.Equal(PartialMatch.None, m.End);
            Assert.Equal(PartialMatch.None, m.Last);
            Assert.Equal(PartialMatch.None, m.PrevStageLast);
            Assert.Equal(0, m.Stage);
            Assert.Equal(0UL, m.Matched);
            Assert.False(m.CompletePending);
            Assert.False(m.HasOpenAccumulator());
            Assert.Equal(PartialMatch.None, m.NegationsUntil());
            Assert.True(m.NegationsElapsed(0));
            Assert.All(Enumerable.Range(0, 3), s => Assert.Empty(m.IdsOf(s)));
        }
    }

    [Fact]
    public void Reuse_ReleasedState_ReadsLikeANewStateOfTheNewKey()
    {
        var state = new KeyState(new StateKey(0, "acct", "p")) { Due = 99, LastEmittedEnd = 50 };
        var key = new StateKey(3, "other", null);

        var reused = state.Reuse(key);

        Assert.Same(state, reused);
        Assert.Equal(key, reused.Key);
        Assert.Equal(long.MaxValue, reused.Due);
        Assert.Equal(PartialMatch.None, reused.LastEmittedEnd);
        Assert.Empty(reused.Runs);
    }
}
