using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Models;
using CstmML.Host.Scoring;
using CstmML.Host.Tests.TestSupport;
using CstmML.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Tests.Models;

public sealed class ScoringWarmupTests
{
    [Fact]
    public void Run_Enabled_ScoresSampleThroughBothPathsUntilQuietOrBudget()
    {
        var scorer = new CountingScorer();

        // 10 ms per round on the stepping clock: the 1 s budget allows at most 100 rounds.
        var rounds = Warmup(TimeSpan.FromSeconds(1)).Run(scorer);

        Assert.InRange(rounds, ScoringWarmup.MinRounds, 100);
        Assert.Equal(2 * rounds, scorer.Calls); // one /v1/score request and one streaming batch per round
        Assert.True(scorer.Sequences >= 2 * rounds * WarmupSample.Principals, $"{scorer.Sequences} sequences in {rounds} rounds");
    }

    [Fact]
    public void Run_ZeroBudget_ScoresNothing()
    {
        var scorer = new CountingScorer();

        var rounds = Warmup(TimeSpan.Zero).Run(scorer);

        Assert.Equal(0, rounds);
        Assert.Equal(0, scorer.Calls);
    }

    [Fact]
    public void Run_ScorerFails_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Warmup(TimeSpan.FromSeconds(1)).Run(new CountingScorer(fail: true)));

        Assert.Contains("cannot score", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_SameRound_SameBytesAndEveryAlertParses()
    {
        var reader = new BodyReader(SourceRegistry.Default, ScoringHostDefaults.MaxAlertsPerRequest, ScoringHostDefaults.MaxJsonDepth);

        var parsed = reader.Read(WarmupSample.Body(3));

        Assert.Equal(WarmupSample.Body(3), WarmupSample.Body(3));
        Assert.Empty(parsed.Rejects);
        Assert.Equal(WarmupSample.Alerts, parsed.Alerts.Count);
        Assert.Equal(WarmupSample.Principals, parsed.Alerts.Select(a => a.Principal).Distinct().Count());
    }

    [Fact]
    public async Task Start_WarmupEnabled_ReadyWithNoStateLeftBehind()
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:WarmupBudget"] = "00:00:00.200" });
        var client = host.Client();

        using var ready = await client.GetAsync(HostRoutes.Ready);
        var (_, detections) = await client.GetJsonAsync(HostRoutes.Detections);
        var metrics = await client.GetStringAsync(HostRoutes.Metrics);

        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Equal(0, detections.GetProperty("detections").GetArrayLength());
        Assert.Contains("cstm_open_sessions 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("cstm_alerts_accepted_total 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryReload_ModelFailsWarmup_RefusedAndOldKeepsServing()
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:WarmupBudget"] = "00:00:00.200" });
        var client = host.Client();

        FakeModelFolder.PublishFailing(host.ModelDir);
        var reloaded = host.Get<ModelRegistry>().TryReload();
        var (status, scored) = await client.PostAsync(HostRoutes.Score, RawAlerts.CloudTrail("a", RawAlerts.T0));

        Assert.False(reloaded);
        Assert.Equal(200, status);
        Assert.Equal("1.0.0", scored.GetProperty("model").GetProperty("version").GetString());
    }

    private static ScoringWarmup Warmup(TimeSpan budget) => new(
        new BodyReader(SourceRegistry.Default, ScoringHostDefaults.MaxAlertsPerRequest, ScoringHostDefaults.MaxJsonDepth),
        Options.Create(new ScoringHostOptions { WarmupBudget = budget }),
        new SteppingTimeProvider(TimeSpan.FromMilliseconds(10)),
        NullLogger<ScoringWarmup>.Instance);
}
