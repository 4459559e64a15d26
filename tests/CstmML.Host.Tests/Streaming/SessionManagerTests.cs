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
    public async Task IngestAsync_BatchesWaitingForABusyTenant_AreStoredAndScoredTogether()
    {
        using var temp = new TempDir();
        var options = Options.Create(new ScoringHostOptions { StoreDirectory = temp.Path });
        using var store = new AlertStore(options, NullLogger<AlertStore>.Instance);
        var manager = new SessionManager(store, options, new FakeTimeProvider(AlertBuilder.T0), new HostMetrics());
        using var scorer = new GatedScorer();

        // The first batch holds the tenant's lane (its scoring waits at the gate); two more arrive meanwhile.
        var first = Task.Run(() => manager.IngestAsync("t", [A("a1", 0, "a")], scorer));
        Assert.True(scorer.WaitEntered());
        var second = manager.IngestAsync("t", [A("b1", 1, "b"), A("a1", 0, "a")], scorer);
        var third = manager.IngestAsync("t", [A("a2", 2, "a"), A("a3", 3, "a"), A("b2", 3, "b")], scorer);
        Assert.False(second.IsCompleted);
        scorer.Release();
        var outcomes = await Task.WhenAll(first, second, third);

        // One pass for the two waiting batches: sessions a (a1-a3) and b (b1, b2) scored once each, not per batch.
        Assert.Equal([1, 2], scorer.Calls);
        Assert.Equal((2L, 3L), manager.Coalescing);
        Assert.Equal(new IngestOutcome(1, 0, 0), outcomes[0]);
        Assert.Equal(new IngestOutcome(1, 1, 0), outcomes[1]); // a1 again: a duplicate, as if stored one after the other
        Assert.Equal(new IngestOutcome(3, 0, 1), outcomes[2]); // a's session reached 3 alerts (risk 75) with this batch
        Assert.Equal(5, store.CountAlerts("t"));
        Assert.Single(store.ReadDetections("t", 0, 10));
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
