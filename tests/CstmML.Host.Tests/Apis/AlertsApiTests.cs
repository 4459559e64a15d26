using System.Text.Json;
using CstmML.Host.Contracts;
using CstmML.Host.Store;
using CstmML.Host.Tests.TestSupport;

namespace CstmML.Host.Tests.Apis;

public sealed class AlertsApiTests
{
    [Fact]
    public async Task PostAlerts_NewAlerts_Returns202AndStoresThem()
    {
        using var host = new HostFactory();

        var (status, json) = await host.Client().PostAsync(HostRoutes.Alerts, RawAlerts.Lines("a", 2, RawAlerts.T0));

        Assert.Equal(202, status);
        Assert.Equal(2, json.GetProperty("accepted").GetInt32());
        Assert.Equal(0, json.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, host.Get<AlertStore>().CountAlerts("tenant-a"));
    }

    [Fact]
    public async Task PostAlerts_SameBatchTwice_IsIdempotent()
    {
        using var host = new HostFactory();
        var client = host.Client();
        var batch = RawAlerts.Lines("a", 3, RawAlerts.T0);

        var (_, first) = await client.PostAsync(HostRoutes.Alerts, batch);
        var (status, second) = await client.PostAsync(HostRoutes.Alerts, batch);
        var (_, page) = await client.GetJsonAsync(HostRoutes.Detections);

        Assert.Equal(202, status);
        Assert.Equal(3, first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(3, second.GetProperty("duplicates").GetInt32());
        Assert.Equal(3, host.Get<AlertStore>().CountAlerts("tenant-a"));
        Assert.Equal(1, page.GetProperty("detections").GetArrayLength());
    }

    [Fact]
    public async Task PostAlerts_OpenSessionCrossesRiskThreshold_EmitsOneDetection()
    {
        using var host = new HostFactory();
        var client = host.Client();

        var (_, r1) = await client.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("a", 2, RawAlerts.T0));
        var (_, r2) = await client.PostAsync(HostRoutes.Alerts, RawAlerts.CloudTrail("a-2", RawAlerts.T0.AddMinutes(2)));
        var (_, r3) = await client.PostAsync(HostRoutes.Alerts, RawAlerts.CloudTrail("a-3", RawAlerts.T0.AddMinutes(3)));
        var (_, page) = await client.GetJsonAsync(HostRoutes.Detections);

        Assert.Equal(0, r1.GetProperty("detections").GetInt32());
        Assert.Equal(1, r2.GetProperty("detections").GetInt32());
        Assert.Equal(0, r3.GetProperty("detections").GetInt32()); // same session and trigger: not repeated
        var d = page.GetProperty("detections")[0];
        Assert.Equal(DetectionTriggers.RiskThreshold, d.GetProperty("trigger").GetString());
        Assert.Equal(SessionStates.Open, d.GetProperty("session").GetString());
        Assert.Equal(3, d.GetProperty("result").GetProperty("alert_count").GetInt32());
    }

    [Fact]
    public async Task PostAlerts_PlaybookDetected_EmitsPlaybookDetectionBelowRiskThreshold()
    {
        using var host = new HostFactory();

        var (_, r) = await host.Client().PostAsync(HostRoutes.Alerts, RawAlerts.CloudTrail("l1", RawAlerts.T0, eventName: "ConsoleLogin"));
        var (_, page) = await host.Client().GetJsonAsync(HostRoutes.Detections);

        Assert.Equal(1, r.GetProperty("detections").GetInt32());
        Assert.Equal(DetectionTriggers.PlaybookCompleted, page.GetProperty("detections")[0].GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task PostAlerts_LateAlertWithinHorizon_ReScoresTheClosedSession()
    {
        using var host = new HostFactory();
        var client = host.Client();

        // Two alerts (risk 50), then an alert 2 h later closes that session by watermark (no detection yet).
        await client.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("s", 2, RawAlerts.T0));
        var (_, closing) = await client.PostAsync(HostRoutes.Alerts, RawAlerts.CloudTrail("n-0", RawAlerts.T0.AddHours(2)));
        var (_, late) = await client.PostAsync(HostRoutes.Alerts, RawAlerts.CloudTrail("late", RawAlerts.T0.AddMinutes(10)));
        var (_, page) = await client.GetJsonAsync(HostRoutes.Detections);

        Assert.Equal(0, closing.GetProperty("detections").GetInt32());
        Assert.Equal(1, late.GetProperty("detections").GetInt32());
        var d = page.GetProperty("detections")[0];
        Assert.Equal(SessionStates.Revised, d.GetProperty("session").GetString());
        Assert.Equal(["s-0", "s-1", "late"], d.GetProperty("result").GetProperty("alert_ids").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task GetDetections_Paging_CursorIsStableAndComplete()
    {
        using var host = new HostFactory();
        var client = host.Client();
        foreach (var user in new[] { "u1", "u2", "u3", "u4", "u5" })
        {
            await client.PostAsync(HostRoutes.Alerts, RawAlerts.Lines(user, 3, RawAlerts.T0, user));
        }

        var seen = new List<string>();
        var cursor = "0";
        for (var i = 0; i < 10; i++)
        {
            var (status, page) = await client.GetJsonAsync($"{HostRoutes.Detections}?since={cursor}&limit=2");
            Assert.Equal(200, status);
            var items = page.GetProperty("detections").EnumerateArray().ToList();
            seen.AddRange(items.Select(d => d.GetProperty("result").GetProperty("principal").GetString()!));
            var next = page.GetProperty("next_cursor").GetString()!;
            if (items.Count == 0)
            {
                Assert.Equal(cursor, next);
                break;
            }

            cursor = next;
        }

        Assert.Equal(5, seen.Count);
        Assert.Equal(5, seen.Distinct().Count());
        var (_, again) = await client.GetJsonAsync($"{HostRoutes.Detections}?since=0&limit=2");
        Assert.Equal(seen[0], again.GetProperty("detections")[0].GetProperty("result").GetProperty("principal").GetString());
    }

    [Theory]
    [InlineData("since=abc")]
    [InlineData("since=-1")]
    [InlineData("limit=0")]
    [InlineData("limit=5000")]
    public async Task GetDetections_BadCursorOrLimit_Returns400Problem(string query)
    {
        using var host = new HostFactory();

        var (status, json) = await host.Client().GetJsonAsync($"{HostRoutes.Detections}?{query}");

        Assert.Equal(400, status);
        Assert.Equal(ProblemTypes.InvalidCursor, json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Tenants_SameAlertIds_AreIsolatedInStoreAndDetections()
    {
        using var host = new HostFactory();
        var a = host.Client(HostFactory.KeyA);
        var b = host.Client(HostFactory.KeyB);

        var (_, ra) = await a.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("x", 3, RawAlerts.T0));
        var (_, pageB) = await b.GetJsonAsync(HostRoutes.Detections);
        var (_, rb) = await b.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("x", 1, RawAlerts.T0));
        var (_, pageA) = await a.GetJsonAsync(HostRoutes.Detections);

        Assert.Equal(1, ra.GetProperty("detections").GetInt32());
        Assert.Equal(0, pageB.GetProperty("detections").GetArrayLength());
        Assert.Equal(1, rb.GetProperty("accepted").GetInt32()); // not a duplicate of tenant A's alert
        Assert.Equal(0, rb.GetProperty("detections").GetInt32()); // tenant A's session does not leak in
        Assert.Equal(1, pageA.GetProperty("detections").GetArrayLength());
        Assert.Equal(3, host.Get<AlertStore>().CountAlerts("tenant-a"));
        Assert.Equal(1, host.Get<AlertStore>().CountAlerts("tenant-b"));
    }

    [Fact]
    public async Task PostAlerts_ConcurrentClients_EveryAlertStoredOnce()
    {
        using var host = new HostFactory();
        const int Clients = 8;
        const int Batches = 10;
        const int PerBatch = 20;

        var tasks = Enumerable.Range(0, Clients).Select(async c =>
        {
            var client = host.Client(c % 2 == 0 ? HostFactory.KeyA : HostFactory.KeyB);
            var accepted = 0;
            for (var i = 0; i < Batches; i++)
            {
                var body = RawAlerts.Lines($"c{c}-b{i}", PerBatch, RawAlerts.T0.AddMinutes(i), $"user{c}");
                var (status, json) = await client.PostAsync(HostRoutes.Alerts, body);
                Assert.Equal(202, status);
                accepted += json.GetProperty("accepted").GetInt32();
            }

            return accepted;
        });
        var counts = await Task.WhenAll(tasks);

        Assert.All(counts, n => Assert.Equal(Batches * PerBatch, n));
        var store = host.Get<AlertStore>();
        Assert.Equal(Clients / 2 * Batches * PerBatch, store.CountAlerts("tenant-a"));
        Assert.Equal(Clients / 2 * Batches * PerBatch, store.CountAlerts("tenant-b"));
    }

    [Fact]
    public async Task PostAlerts_Response_IsSnakeCaseJson()
    {
        using var host = new HostFactory();
        using var response = await host.Client().PostAsync(HostRoutes.Alerts, Http.Json(RawAlerts.CloudTrail("a", RawAlerts.T0)));
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        Assert.True(doc.RootElement.TryGetProperty("accepted", out _));
        Assert.Equal(HostRoutes.Detections, response.Headers.Location?.ToString());
    }
}
