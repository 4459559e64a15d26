using CstmML.Host.Contracts;
using CstmML.Host.Models;
using CstmML.Host.Streaming;
using CstmML.Host.Tests.TestSupport;
using CstmML.Scoring.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CstmML.Host.Tests.Streaming;

public sealed class RescoreTimerTests
{
    [Fact]
    public async Task RescoreTimer_IntervalElapsesOnTheInjectedClock_WaitingSessionIsScoredAndDetected()
    {
        var time = new FakeTimeProvider(RawAlerts.T0);
        var scorer = new PlaybookScorer(ScoringEngine.LoadPlaybooks(RealModel.PlaybooksDirectory), pointsPerAlert: 10);
        using var host = new HostFactory(
            new Dictionary<string, string?> { ["ScoringHost:RiskThreshold"] = "70", ["ScoringHost:RescoreInterval"] = "00:00:05" },
            loader: ScorerLoaders.From(_ => scorer),
            time: time);
        var client = host.Client();
        await client.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("a", 6, RawAlerts.T0)); // risk 60: scored, no detection

        var (status, grown) = await client.PostAsync(HostRoutes.Alerts, RawAlerts.CloudTrail("a-6", RawAlerts.T0.AddMinutes(6))); // +1 < 25%: waits
        var (_, before) = await client.GetJsonAsync(HostRoutes.Detections);
        time.Advance(TimeSpan.FromSeconds(5));
        var after = await WaitForDetectionsAsync(client);

        Assert.Equal(202, status);
        Assert.Equal(0, grown.GetProperty("detections").GetInt32());
        Assert.Equal(0, before.GetProperty("detections").GetArrayLength());
        var d = Assert.Single(after);
        Assert.Equal(DetectionTriggers.RiskThreshold, d.GetProperty("trigger").GetString());
        Assert.Equal(7, d.GetProperty("result").GetProperty("alert_count").GetInt32());
        Assert.Equal(0, host.Get<SessionManager>().Rescoring.ByPlaybook);
    }

    // The tick runs on the pool after the fake clock advanced: poll (bounded) until the detection is stored.
    private static async Task<System.Text.Json.JsonElement[]> WaitForDetectionsAsync(HttpClient client)
    {
        for (var i = 0; i < 500; i++)
        {
            var (_, page) = await client.GetJsonAsync(HostRoutes.Detections);
            if (page.GetProperty("detections").GetArrayLength() > 0)
            {
                return [.. page.GetProperty("detections").EnumerateArray()];
            }

            await Task.Delay(10);
        }

        return [];
    }
}
