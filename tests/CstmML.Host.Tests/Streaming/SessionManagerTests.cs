using CstmML.Core.Alerts;
using CstmML.Host.Configuration;
using CstmML.Host.Metrics;
using CstmML.Host.Store;
using CstmML.Host.Streaming;
using CstmML.Host.Tests.TestSupport;
using CstmML.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CstmML.Testing.AlertBuilder;

namespace CstmML.Host.Tests.Streaming;

public sealed class SessionManagerTests
{
    private static NormalizedAlert A(string id, double minutes, string principal) =>
        Alert().Id(id).At(TimeSpan.FromMinutes(minutes)).Principal("arn:aws:iam::111122223333:role/" + principal).Build();

    [Fact]
    public async Task IngestAsync_BatchesArrivingWhileAGroupIsScored_NextCommitsAtOnceLaterOnesGoTogether()
    {
        using var temp = new TempDir();
        var options = Options.Create(new ScoringHostOptions { StoreDirectory = temp.Path });
        using var store = new AlertStore(options, NullLogger<AlertStore>.Instance);
        var manager = new SessionManager(store, options, new FakeTimeProvider(AlertBuilder.T0), new HostMetrics());
        using var scorer = new GatedScorer();

        // The first group's scoring waits at the gate. The second batch is committed meanwhile (the pipeline), then
        // waits for that scoring; the third and fourth arrive while it waits and go together as one group.
        var first = Task.Run(() => manager.IngestAsync("t", [A("a1", 0, "a")], scorer));
        Assert.True(scorer.WaitEntered());
        var second = manager.IngestAsync("t", [A("b1", 1, "b"), A("a1", 0, "a")], scorer);
        var committedWhileScoring = store.CountAlerts("t");
        var third = manager.IngestAsync("t", [A("a2", 2, "a"), A("a3", 3, "a"), A("b2", 3, "b")], scorer);
        var fourth = manager.IngestAsync("t", [A("b3", 4, "b")], scorer);
        var waitingCommitted = store.CountAlerts("t");
        Assert.False(second.IsCompleted);
        scorer.Release();
        var outcomes = await Task.WhenAll(first, second, third, fourth);

        Assert.Equal(2, committedWhileScoring);
        Assert.Equal(2, waitingCommitted);
        Assert.Equal([1, 1, 2], scorer.Calls); // a; b; then a and b once each for the last two batches together
        Assert.Equal((3L, 4L), manager.Coalescing);
        Assert.Equal(new IngestOutcome(1, 0, 0), outcomes[0]);
        Assert.Equal(new IngestOutcome(1, 1, 0), outcomes[1]); // a1 again: a duplicate
        Assert.Equal(new IngestOutcome(3, 0, 1), outcomes[2]); // a's session reached 3 alerts (risk 75) with this batch
        Assert.Equal(new IngestOutcome(1, 0, 1), outcomes[3]); // b's reached 3 with this one
        Assert.Equal(6, store.CountAlerts("t"));
        Assert.Equal(2, store.ReadDetections("t", 0, 10).Count);
    }

    [Fact]
    public async Task IngestAsync_StoreFails_EveryWaitingBatchFails()
    {
        using var temp = new TempDir();
        var options = Options.Create(new ScoringHostOptions { StoreDirectory = temp.Path });
        var store = new AlertStore(options, NullLogger<AlertStore>.Instance);
        var manager = new SessionManager(store, options, new FakeTimeProvider(AlertBuilder.T0), new HostMetrics());
        store.Dispose(); // closed store: the commit throws

        await Assert.ThrowsAsync<ObjectDisposedException>(() => manager.IngestAsync("t", [A("a1", 0, "a")], new FakeScorer("fake", "1")));
    }
}
