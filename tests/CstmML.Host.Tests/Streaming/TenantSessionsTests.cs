using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using CstmML.Host.Contracts;
using CstmML.Host.Streaming;
using CstmML.Host.Tests.TestSupport;
using static CstmML.Testing.AlertBuilder;

namespace CstmML.Host.Tests.Streaming;

public sealed class TenantSessionsTests
{
    // A lateness long enough that nothing closes by watermark: open segments stay open and can be told apart.
    private static readonly SequencerOptions Options = new() { MaxGap = TimeSpan.FromHours(1), MaxSpan = TimeSpan.FromHours(24), Lateness = TimeSpan.FromDays(1) };

    private static NormalizedAlert A(string id, double minutes, string principal = "arn:aws:iam::111122223333:role/app") =>
        Alert().Id(id).At(TimeSpan.FromMinutes(minutes)).Principal(principal).Build();

    [Fact]
    public void Add_OpenPrincipalWithTwoSegments_ReturnsOnlyTheSegmentThatGainedAnAlert()
    {
        var sessions = new TenantSessions(Options);
        sessions.Add([A("early", 0), A("late", 180)]); // two segments: 3 h apart, more than the 1 h max gap

        var toScore = sessions.Add([A("late-2", 181)]).Due;

        var open = Assert.Single(toScore);
        Assert.Equal(SessionStates.Open, open.State);
        Assert.Equal(["late", "late-2"], open.Sequence.Alerts.Select(a => a.Id));
    }

    [Fact]
    public void Add_SeveralBatches_OpenSessionCountsForTheLastBatchThatGrewIt()
    {
        var sessions = new TenantSessions(Options);

        var toScore = sessions.Add([[A("a1", 0), A("b1", 0, "arn:aws:iam::111122223333:role/b")], [A("a2", 1)], []]).Due;

        Assert.Equal(2, toScore.Count);
        var app = toScore.Single(s => s.Sequence.Principal.EndsWith("/app", StringComparison.Ordinal));
        var b = toScore.Single(s => s.Sequence.Principal.EndsWith("/b", StringComparison.Ordinal));
        Assert.Equal(["a1", "a2"], app.Sequence.Alerts.Select(a => a.Id));
        Assert.Equal(1, app.Batch);
        Assert.Equal(0, b.Batch);
    }

    [Fact]
    public void Add_BatchesTogether_ClosesTheSameSessionsAsOneAfterTheOther()
    {
        // Default lateness (15 min): the third batch's alert moves the watermark past the first session's end.
        var options = new SequencerOptions { MaxGap = TimeSpan.FromHours(1), MaxSpan = TimeSpan.FromHours(24), Lateness = TimeSpan.FromMinutes(15) };
        IReadOnlyList<NormalizedAlert>[] batches = [[A("x1", 0), A("x2", 5)], [A("y1", 30, "arn:aws:iam::111122223333:role/y")], [A("x3", 200)]];
        var apart = new TenantSessions(options);
        var closedApart = batches.SelectMany(b => apart.Add(b).Due).Where(s => s.State != SessionStates.Open).Select(s => s.Sequence.SequenceId).ToArray();
        var together = new TenantSessions(options);

        var closedTogether = together.Add(batches).Due.Where(s => s.State != SessionStates.Open).Select(s => s.Sequence.SequenceId).ToArray();

        Assert.NotEmpty(closedApart);
        Assert.Equal(closedApart, closedTogether);
        Assert.Equal(apart.OpenSessions, together.OpenSessions);
    }

    [Fact]
    public void Add_GrowthBelowTheFraction_DefersUntilTheFractionIsReached()
    {
        var sessions = new TenantSessions(Options, rescoreGrowth: 0.25);
        ScoreAll(sessions, sessions.Add([.. Enumerable.Range(0, 8).Select(i => A($"a{i}", i))])); // scored at 8 alerts

        var one = sessions.Add([A("a8", 8)]);
        var waiting = sessions.DeferredCount;
        var two = sessions.Add([A("a9", 9)]); // 10 alerts: +2 = 25% of 8

        Assert.Empty(one.Due);
        Assert.Equal(9, Assert.Single(one.Deferred).End);
        Assert.Equal(1, waiting);
        Assert.Equal(0, sessions.DeferredCount);
        Assert.Empty(two.Deferred);
        Assert.Equal(10, Assert.Single(two.Due).Sequence.Alerts.Count);
    }

    [Fact]
    public void Add_Flush_EveryWaitingSessionIsDue()
    {
        var sessions = new TenantSessions(Options, rescoreGrowth: 0.25);
        ScoreAll(sessions, sessions.Add([.. Enumerable.Range(0, 8).Select(i => A($"a{i}", i))]));
        sessions.Add([A("a8", 8)]);

        var flushed = sessions.Add([], flush: true);

        Assert.Equal(9, Assert.Single(flushed.Due).Sequence.Alerts.Count);
        Assert.Empty(flushed.Deferred);
        Assert.Equal(0, sessions.DeferredCount);
    }

    [Fact]
    public void Add_AlertBeforeTheLastScoredOne_CountsTowardTheGrowthInItsPlace()
    {
        var sessions = new TenantSessions(Options, rescoreGrowth: 0.25);
        ScoreAll(sessions, sessions.Add([.. Enumerable.Range(0, 8).Select(i => A($"a{i}", i * 2))]));

        var late = sessions.Add([A("late", 3)]); // inside the scored session: +1 < 25% of 8
        var lateIds = late.Deferred.Select(d => d.Alerts.Take(4).Select(a => a.Id).ToArray()).ToArray();
        var more = sessions.Add([A("a8", 16)]); // +2

        Assert.Empty(late.Due);
        Assert.Equal(["a0", "a1", "late", "a2"], Assert.Single(lateIds));
        Assert.Equal(["a0", "a1", "late", "a2"], Assert.Single(more.Due).Sequence.Alerts.Take(4).Select(a => a.Id));
    }

    [Fact]
    public void Add_ZeroGrowth_EveryGrownSessionIsDue()
    {
        var sessions = new TenantSessions(Options);
        ScoreAll(sessions, sessions.Add([.. Enumerable.Range(0, 8).Select(i => A($"a{i}", i))]));

        var one = sessions.Add([A("a8", 8)]);

        Assert.Single(one.Due);
        Assert.Empty(one.Deferred);
    }

    [Fact]
    public void Add_LateAlertRevisesAClosedSession_NoAlertOfItStaysOpen()
    {
        var options = new SequencerOptions { MaxGap = TimeSpan.FromHours(1), MaxSpan = TimeSpan.FromHours(24), Lateness = TimeSpan.FromMinutes(15), ReopenHorizon = TimeSpan.FromHours(6) };
        var sessions = new TenantSessions(options, rescoreGrowth: 0.25);
        sessions.Add([A("x1", 0), A("x2", 5)]);
        var closed = sessions.Add([A("y1", 200, "arn:aws:iam::111122223333:role/y")]); // watermark 185 min: x's session closes

        var revised = sessions.Add([A("x3", 10)]); // late: belongs to the closed session

        Assert.Equal(["x1", "x2"], closed.Due.Single(d => d.State == SessionStates.Closed).Sequence.Alerts.Select(a => a.Id));
        Assert.Equal(["x1", "x2", "x3"], revised.Due.Single(d => d.State == SessionStates.Revised).Sequence.Alerts.Select(a => a.Id));
        Assert.DoesNotContain(revised.Due, d => d.State == SessionStates.Open && d.Sequence.Principal.EndsWith("/app", StringComparison.Ordinal));
        Assert.Equal(1, sessions.OpenSessions); // y only
    }

    // Records a (trivial) score for every due session, as the session manager does after scoring.
    private static void ScoreAll(TenantSessions sessions, SessionChanges changes)
    {
        var results = new FakeScorer("fake", "1").Score([.. changes.Due.Select(s => s.Sequence)]);
        for (var i = 0; i < results.Count; i++)
        {
            sessions.Scored(changes.Due[i], results[i]);
        }
    }
}
