using CstmML.Host.Contracts;
using CstmML.Host.Models;
using CstmML.Host.Tests.TestSupport;

namespace CstmML.Host.Tests.Models;

public sealed class ModelRegistryTests
{
    [Fact]
    public async Task TryReload_NewModelPublished_ServesNewVersion()
    {
        using var host = new HostFactory();
        var client = host.Client();

        FakeModelFolder.Publish(host.ModelDir, "fake", "2.0.0");
        var reloaded = host.Get<ModelRegistry>().TryReload();
        var (_, json) = await client.GetJsonAsync(HostRoutes.Models);
        var (_, scored) = await client.PostAsync(HostRoutes.Score, RawAlerts.CloudTrail("a", RawAlerts.T0));

        Assert.True(reloaded);
        Assert.Equal("2.0.0", json.GetProperty("models")[0].GetProperty("version").GetString());
        Assert.Equal("2.0.0", scored.GetProperty("model").GetProperty("version").GetString());
    }

    [Fact]
    public async Task TryReload_BadModelPublished_RefusedAndOldKeepsServing()
    {
        using var host = new HostFactory();
        var client = host.Client();

        FakeModelFolder.PublishBad(host.ModelDir);
        var reloaded = host.Get<ModelRegistry>().TryReload();
        var (status, scored) = await client.PostAsync(HostRoutes.Score, RawAlerts.CloudTrail("a", RawAlerts.T0));
        using var ready = await client.GetAsync(HostRoutes.Ready);
        var metrics = await client.GetStringAsync(HostRoutes.Metrics);

        Assert.False(reloaded);
        Assert.Equal(200, status);
        Assert.Equal("1.0.0", scored.GetProperty("model").GetProperty("version").GetString());
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Contains("cstm_model_load_failures_total 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watcher_PollsFolder_PicksUpPublishedModel()
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:ModelPollInterval"] = "00:00:00.050" });
        var client = host.Client();

        FakeModelFolder.Publish(host.ModelDir, "fake", "3.0.0");
        string? version = null;
        for (var i = 0; i < 100 && version != "3.0.0"; i++)
        {
            await Task.Delay(50);
            var (_, json) = await client.GetJsonAsync(HostRoutes.Models);
            version = json.GetProperty("models")[0].GetProperty("version").GetString();
        }

        Assert.Equal("3.0.0", version);
    }

    [Fact]
    public async Task Score_DuringReloads_EveryResponseNamesOneWholeModel()
    {
        using var host = new HostFactory();
        var client = host.Client();
        var registry = host.Get<ModelRegistry>();
        using var cts = new CancellationTokenSource();
        var reloader = Task.Run(() =>
        {
            for (var v = 2; v < 40; v++)
            {
                FakeModelFolder.Publish(host.ModelDir, "fake", $"{v}.0.0");
                registry.TryReload();
            }
        });

        var versions = new List<string>();
        while (!reloader.IsCompleted)
        {
            var (status, json) = await client.PostAsync(HostRoutes.Score, RawAlerts.CloudTrail("a", RawAlerts.T0));
            Assert.Equal(200, status);
            var top = json.GetProperty("model").GetProperty("version").GetString()!;
            Assert.All(json.GetProperty("results").EnumerateArray(), r => Assert.Equal(top, r.GetProperty("model").GetProperty("version").GetString()));
            versions.Add(top);
        }

        await reloader;
        Assert.NotEmpty(versions);
    }
}
