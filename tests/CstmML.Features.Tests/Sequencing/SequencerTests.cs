using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using static CstmML.Testing.AlertBuilder;

namespace CstmML.Features.Tests.Sequencing;

/// <summary>The sequencer's rules with alerts held as objects (few held: the default below 4,096); <see cref="PackedSequencerTests"/> runs them packed.</summary>
public class SequencerTests
{
    private static readonly SequencerOptions Hourly = new() { MaxGap = TimeSpan.FromHours(1), MaxSpan = TimeSpan.FromHours(24), Lateness = TimeSpan.Zero };

    private static NormalizedAlert At(string id, double minutes, string principal = "p") =>
        Alert().Id(id).At(TimeSpan.FromMinutes(minutes)).Principal(principal).Build();

    private static List<SequenceUpdate> RunAll(Sequencer s, IEnumerable<NormalizedAlert> alerts)
    {
        var all = new List<SequenceUpdate>();
        foreach (var a in alerts)
        {
            all.AddRange(s.Add(a));
        }

        all.AddRange(s.Flush());
        return all;
    }

    /// <summary>The sequencer under test.</summary>
    protected virtual Sequencer New(SequencerOptions? options = null) => new(options);

    private static string[][] Ids(IEnumerable<SequenceUpdate> updates) =>
        [.. updates.Select(u => u.Sequence.Alerts.Select(a => a.Id).ToArray())];

    [Fact]
    public void Add_EventExactlyMaxGapAfterTheLast_StaysInTheSession()
    {
        var result = RunAll(New(Hourly), [At("a", 0), At("b", 60)]);
        Assert.Equal([["a", "b"]], Ids(result));
    }

    [Fact]
    public void Add_EventJustOverMaxGap_StartsANewSession()
    {
        var b = Alert().Id("b").At(TimeSpan.FromMinutes(60) + TimeSpan.FromTicks(1)).Principal("p").Build();
        var result = RunAll(New(Hourly), [At("a", 0), b]);
        Assert.Equal([["a"], ["b"]], Ids(result));
    }

    [Fact]
    public void Add_SpanLimit_SplitsAtTheBoundaryInclusive()
    {
        var options = Hourly with { MaxSpan = TimeSpan.FromMinutes(90) };
        var result = RunAll(New(options), [At("a", 0), At("b", 45), At("c", 90), At("d", 120)]);
        Assert.Equal([["a", "b", "c"], ["d"]], Ids(result));
    }

    [Fact]
    public void Add_SameTimestamp_OrdersByAlertIdOrdinal()
    {
        var result = RunAll(New(Hourly), [At("b", 5), At("B", 5), At("a", 5)]);
        Assert.Equal([["B", "a", "b"]], Ids(result));
    }

    [Fact]
    public void Add_OutOfOrderInput_GivesTheSameSequencesAsSortedInput()
    {
        var alerts = new[] { At("a", 0), At("b", 10), At("c", 200), At("d", 30), At("e", 210), At("f", 500, "q") };
        var options = Hourly with { Lateness = TimeSpan.FromDays(1) };
        var sorted = RunAll(New(options), alerts.OrderBy(a => a.Time));
        var shuffled = RunAll(New(options), [alerts[4], alerts[1], alerts[5], alerts[0], alerts[3], alerts[2]]);
        Assert.Equal(Ids(sorted), Ids(shuffled));
        Assert.Equal(sorted.Select(u => u.Sequence.SequenceId), shuffled.Select(u => u.Sequence.SequenceId));
        Assert.Equal([["a", "b", "d"], ["c", "e"], ["f"]], Ids(sorted));
    }

    [Fact]
    public void Add_DuplicateId_IsDroppedOnceAndCounted()
    {
        var s = New(Hourly);
        var result = RunAll(s, [At("a", 0), At("a", 0), At("b", 1), At("a", 2)]);
        Assert.Equal([["a", "b"]], Ids(result));
        Assert.Equal(2, s.Stats.Duplicates);
        Assert.Equal(2, s.Stats.Alerts);
    }

    [Fact]
    public void Add_SameDuplicateRepeated_EveryRepeatDroppedAndTheIdAcceptedAgainOnceReleased()
    {
        var s = New(Hourly with { ReopenHorizon = TimeSpan.FromHours(1) });
        s.Add(At("a", 0));
        s.Add(At("b", 1));
        for (var i = 0; i < 50; i++)
        {
            Assert.Empty(s.Add(At(i % 2 == 0 ? "a" : "b", 2)));
        }

        Assert.Equal(50, s.Stats.Duplicates);
        var emitted = s.Add(At("x", 120)).ToList();
        Assert.Equal([["a", "b"]], Ids(emitted));

        // Released with its ids after the re-open horizon: "a" is then a new (late) alert, not a duplicate.
        s.Add(At("y", 600));
        s.Add(At("a", 3));
        Assert.Equal(50, s.Stats.Duplicates);
        Assert.Equal(1, s.Stats.LateAlerts);
    }

    [Fact]
    public void Add_DuplicateOfAnEmittedButRetainedAlert_IsDropped_AndAcceptedAgainOnceReleased()
    {
        var s = New(Hourly with { ReopenHorizon = TimeSpan.FromHours(1) });
        var emitted = s.Add(At("a", 0)).Concat(s.Add(At("x", 90))).ToList();
        Assert.Equal([["a"]], Ids(emitted));

        // Still retained (within the re-open horizon): the same id again is a duplicate.
        Assert.Empty(s.Add(At("a", 0)));
        Assert.Equal(1, s.Stats.Duplicates);

        // Far later the session is released with its ids: the id is then a new (late) alert.
        s.Add(At("y", 600));
        s.Add(At("a", 0));
        Assert.Equal(1, s.Stats.Duplicates);
        Assert.Equal(1, s.Stats.LateAlerts);
        Assert.Equal(4, s.Stats.Alerts);
    }

    [Fact]
    public void Add_WatermarkPassingTheGap_EmitsTheSessionWithoutAFlush()
    {
        var s = New(Hourly with { Lateness = TimeSpan.FromMinutes(10) });
        Assert.Empty(s.Add(At("a", 0)));
        Assert.Empty(s.Add(At("b", 65)));
        // Watermark = 70 - 10 = 60: not past a's gap bound (0 + 60) yet.
        Assert.Empty(s.Add(At("c", 70, "q")));
        var closed = s.Add(At("d", 71, "q"));
        Assert.Equal([["a"]], Ids(closed));
        Assert.Equal(SequenceUpdateKind.Closed, closed[0].Kind);
    }

    [Fact]
    public void Add_LateEventNearAnEmittedSession_ReopensItAndRaisesTheEvent()
    {
        var s = New(Hourly);
        var reopened = new List<SequenceUpdate>();
        s.SessionReopened += (_, u) => reopened.Add(u);
        var first = new List<SequenceUpdate>();
        first.AddRange(s.Add(At("a", 0)));
        first.AddRange(s.Add(At("b", 10)));
        first.AddRange(s.Add(At("z", 100, "other")));
        var closed = Assert.Single(first);
        Assert.Equal(["a", "b"], closed.Sequence.Alerts.Select(a => a.Id));

        var revised = s.Add(At("late", 20));
        var update = Assert.Single(revised);
        Assert.Equal(SequenceUpdateKind.Revised, update.Kind);
        Assert.Equal(["a", "b", "late"], update.Sequence.Alerts.Select(a => a.Id));
        Assert.Equal([closed.Sequence.SequenceId], update.Replaces);
        Assert.Equal(1, update.LateAlerts);
        Assert.Same(update, Assert.Single(reopened));
        Assert.Equal(1, s.Stats.LateAlerts);
    }

    [Fact]
    public void Add_LateEventBeyondTheReopenHorizon_IsKeptAsItsOwnLateSession()
    {
        var s = New(Hourly with { ReopenHorizon = TimeSpan.Zero });
        var all = new List<SequenceUpdate>();
        all.AddRange(s.Add(At("a", 0)));
        all.AddRange(s.Add(At("z", 600, "other")));
        all.AddRange(s.Add(At("late", 30)));
        all.AddRange(s.Flush());
        Assert.Equal([["a"], ["late"], ["z"]], Ids(all));
        var late = all.Single(u => u.Sequence.Alerts[0].Id == "late");
        Assert.Equal((SequenceUpdateKind.Closed, 1), (late.Kind, late.LateAlerts));
        Assert.Empty(late.Replaces);
    }

    [Fact]
    public void Add_SeparateKeys_NeverShareASession()
    {
        var a1 = Alert().Id("1").Account("A").Principal("p").Build();
        var a2 = Alert().Id("2").Account("B").Principal("p").Build();
        var a3 = Alert().Id("3").Account("A").Principal("q").Build();
        var result = RunAll(New(Hourly), [a1, a2, a3]);
        Assert.Equal(3, result.Count);
        Assert.Equal(["A", "A", "B"], result.Select(u => u.Sequence.Account));
    }

    [Fact]
    public void Add_TechniquesAndTactics_AreOrderedWithRepeatsCollapsed()
    {
        var alerts = new[]
        {
            Alert().Id("1").At(TimeSpan.FromMinutes(1)).Techniques("T1078").Tactics("TA0001").Build(),
            Alert().Id("2").At(TimeSpan.FromMinutes(2)).Techniques("T1078").Tactics("TA0001").Build(),
            Alert().Id("3").At(TimeSpan.FromMinutes(3)).Techniques("T1087.004").Tactics("TA0007").Build(),
            Alert().Id("4").At(TimeSpan.FromMinutes(4)).Techniques("T1078").Tactics("TA0001").Build(),
        };
        var seq = Assert.Single(RunAll(New(Hourly), alerts)).Sequence;
        Assert.Equal(["T1078", "T1087.004", "T1078"], seq.Techniques.Select(t => t.Value));
        Assert.Equal(["TA0001", "TA0007", "TA0001"], seq.TacticChain.Select(t => t.Value));
        Assert.Equal((T0.AddMinutes(1), T0.AddMinutes(4)), (seq.Start, seq.End));
    }

    [Fact]
    public void Flush_EmitsEveryOpenSessionInTimeThenKeyOrderAndEmptiesTheSequencer()
    {
        var s = New(Hourly with { Lateness = TimeSpan.FromDays(30) });
        s.Add(At("b1", 0, "b"));
        s.Add(At("a1", 0, "a"));
        s.Add(At("c1", -5, "c"));
        Assert.Equal(3, s.Stats.Buffered);
        var flushed = s.Flush();
        Assert.Equal(["c", "a", "b"], flushed.Select(u => u.Sequence.Principal));
        Assert.Equal(0, s.Stats.Buffered);
        Assert.Empty(s.Flush());
    }

    [Fact]
    public void Add_RandomOrderWithNoLateness_NeverLosesOrRepeatsAnAlert()
    {
        var random = new Random(11);
        for (var round = 0; round < 50; round++)
        {
            var alerts = Enumerable.Range(0, 60)
                .Select(i => At("id" + i, random.Next(0, 600), "p" + random.Next(0, 3)))
                .OrderBy(_ => random.Next())
                .ToList();
            var updates = RunAll(New(Hourly with { ReopenHorizon = TimeSpan.FromMinutes(random.Next(0, 120)) }), alerts);
            // Apply the updates as a consumer would: a revision removes what it replaces (possibly its own id).
            var current = new Dictionary<string, IEnumerable<string>>();
            foreach (var u in updates)
            {
                foreach (var old in u.Replaces)
                {
                    current.Remove(old);
                }

                Assert.True(current.TryAdd(u.Sequence.SequenceId, u.Sequence.Alerts.Select(a => a.Id)));
            }

            var final = current.Values.SelectMany(ids => ids).ToList();
            Assert.Equal(alerts.Select(a => a.Id).Order(StringComparer.Ordinal), final.Order(StringComparer.Ordinal));
        }
    }
}
