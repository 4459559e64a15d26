using CstmML.Host.Contracts;
using CstmML.Host.Tests.TestSupport;

namespace CstmML.Host.Tests.Apis;

public sealed class LimitsTests
{
    [Theory]
    [InlineData(HostRoutes.Score)]
    [InlineData(HostRoutes.Alerts)]
    public async Task Post_BodyOverLimit_Returns413Problem(string route)
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:MaxRequestBytes"] = "2048" });

        var (status, json) = await host.Client().PostAsync(route, RawAlerts.Lines("big", 20, RawAlerts.T0));

        Assert.Equal(413, status);
        Assert.Equal(ProblemTypes.BodyTooLarge, json.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(HostRoutes.Score)]
    [InlineData(HostRoutes.Alerts)]
    public async Task Post_MoreAlertsThanBatchLimit_Returns413AndStoresNothing(string route)
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:MaxAlertsPerRequest"] = "2" });

        var (status, json) = await host.Client().PostAsync(route, RawAlerts.Lines("n", 3, RawAlerts.T0));

        Assert.Equal(413, status);
        Assert.Equal(ProblemTypes.BatchTooLarge, json.GetProperty("type").GetString());
        Assert.Equal(0, host.Get<CstmML.Host.Store.AlertStore>().CountAlerts("tenant-a"));
    }

    [Fact]
    public async Task Post_JsonDeeperThanLimit_IsRejectedNotCrashed()
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:MaxJsonDepth"] = "8" });
        var deep = string.Concat(Enumerable.Repeat("""{"a":""", 20)) + "1" + new string('}', 20);

        var (status, json) = await host.Client().PostAsync(HostRoutes.Score, deep + "\n" + RawAlerts.CloudTrail("ok", RawAlerts.T0));

        Assert.Equal(200, status);
        Assert.Equal(1, json.GetProperty("alert_count").GetInt32());
        Assert.Contains("depth", json.GetProperty("rejects")[0].GetProperty("reason").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_OverRateLimit_Returns429ProblemPerKey()
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:RequestsPerSecondPerKey"] = "2" });
        var a = host.Client(HostFactory.KeyA);
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var (s, _) = await a.GetJsonAsync(HostRoutes.Detections);
            statuses.Add(s);
        }

        using var limited = await a.GetAsync(HostRoutes.Detections);
        var (other, _) = await host.Client(HostFactory.KeyB).GetJsonAsync(HostRoutes.Detections);

        Assert.Contains(429, statuses);
        Assert.Equal(200, statuses[0]);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal("1", limited.Headers.RetryAfter?.ToString());
        using var json = await limited.ReadJsonAsync();
        Assert.Equal(ProblemTypes.RateLimited, json.RootElement.GetProperty("type").GetString());
        Assert.Equal(200, other); // another key has its own bucket
    }

    [Fact]
    public async Task Problems_NeverCarryStackTracesOrPaths()
    {
        using var host = new HostFactory(publishModel: false);

        using var response = await host.Client().PostAsync(HostRoutes.Score, Http.Json(RawAlerts.CloudTrail("a", RawAlerts.T0)));
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(host.ModelDir, text, StringComparison.Ordinal);
        Assert.DoesNotContain(host.StoreDir, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsNamingTheKey()
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:RiskThreshold"] = "150" });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => DirectHost.StartAndStopAsync(host));

        Assert.Contains("ScoringHost:RiskThreshold must be within 0..100.", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedKeysFile_FailsNamingFileAndLine()
    {
        using var temp = new CstmML.Testing.TempDir();
        var file = temp.Write("keys.txt", "tenant-x not-a-hash\n");
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:ApiKeysFile"] = file });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => DirectHost.StartAndStopAsync(host));

        Assert.Contains("ScoringHost:ApiKeysFile cannot be used: " + file + ":1:", ex.ToString(), StringComparison.Ordinal);
    }
}
