using CstmML.Host.Contracts;
using CstmML.Host.Tests.TestSupport;

namespace CstmML.Host.Tests.Apis;

public sealed class OpsApiTests
{
    [Fact]
    public async Task Healthz_Always_Returns200WithoutKey()
    {
        using var host = new HostFactory(publishModel: false);
        using var response = await host.Client(key: null).GetAsync(HostRoutes.Live);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Readyz_ModelLoadedAndStoreWritable_Returns200()
    {
        using var host = new HostFactory();
        using var response = await host.Client(key: null).GetAsync(HostRoutes.Ready);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Readyz_NoModel_Returns503()
    {
        using var host = new HostFactory(publishModel: false);
        using var response = await host.Client(key: null).GetAsync(HostRoutes.Ready);
        Assert.Equal(503, (int)response.StatusCode);
    }

    [Fact]
    public async Task GetModels_Loaded_ReturnsNameVersionAndLoadedAt()
    {
        using var host = new HostFactory();

        var (status, json) = await host.Client().GetJsonAsync(HostRoutes.Models);

        Assert.Equal(200, status);
        var model = json.GetProperty("models")[0];
        Assert.Equal("fake", model.GetProperty("name").GetString());
        Assert.Equal("1.0.0", model.GetProperty("version").GetString());
        Assert.True(model.TryGetProperty("loaded_at", out _));
        Assert.DoesNotContain(host.ModelDir, json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_AfterRequests_CountsByRouteAndStatusAndShowsModel()
    {
        using var host = new HostFactory();
        var client = host.Client();
        await client.PostAsync(HostRoutes.Score, RawAlerts.CloudTrail("m1", RawAlerts.T0));
        await client.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("m", 3, RawAlerts.T0));
        await host.Client(key: null).GetAsync(HostRoutes.Models);

        using var response = await client.GetAsync(HostRoutes.Metrics);
        var text = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("cstm_http_requests_total{route=\"/v1/score\",method=\"POST\",status=\"200\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("cstm_http_requests_total{route=\"/v1/models\",method=\"GET\",status=\"401\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("cstm_http_request_duration_seconds_bucket{route=\"/v1/score\",method=\"POST\",status=\"200\",le=\"+Inf\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("cstm_alerts_accepted_total 3\n", text, StringComparison.Ordinal);
        Assert.Contains("cstm_detections_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("cstm_open_sessions 1\n", text, StringComparison.Ordinal);
        Assert.Contains("cstm_model_info{name=\"fake\",version=\"1.0.0\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryApiRouteWithExamples()
    {
        using var host = new HostFactory();

        var (status, json) = await host.Client(key: null).GetJsonAsync(HostRoutes.OpenApi);

        Assert.Equal(200, status);
        var paths = json.GetProperty("paths");
        foreach (var route in new[] { HostRoutes.Score, HostRoutes.Alerts, HostRoutes.Detections, HostRoutes.Models })
        {
            Assert.True(paths.TryGetProperty(route, out _), route);
        }

        Assert.Contains("eventName", paths.GetProperty(HostRoutes.Score).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var host = new HostFactory();
        var (status, json) = await host.Client().GetJsonAsync("/v1/nope");
        Assert.Equal(404, status);
        Assert.Equal(ProblemTypes.NotFound, json.GetProperty("type").GetString());
    }
}
