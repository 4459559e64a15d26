using CstmML.Host.Contracts;
using CstmML.Host.Store;
using CstmML.Host.Tests.TestSupport;
using CstmML.Testing;

namespace CstmML.Host.Tests.Streaming;

public sealed class RestartTests
{
    [Fact]
    public async Task Crash_MidStream_LosesNoAcceptedAlertAndOpenSessionsResume()
    {
        using var crashed = new TempDir();
        using (var host = new HostFactory())
        {
            var client = host.Client();
            await client.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("a", 2, RawAlerts.T0));
            await client.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("b", 1, RawAlerts.T0, "bob"));

            // A crash: copy the store files as they are on disk while the host still runs (no checkpoint, no close).
            foreach (var f in Directory.GetFiles(host.StoreDir, AlertStore.FileName + "*").Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)))
            {
                File.Copy(f, Path.Combine(crashed.Path, Path.GetFileName(f)));
            }

            FakeModelFolder.Publish(Path.Combine(crashed.Path, "model"), "fake", "1.0.0");
        }

        using var restarted = new HostFactory(modelDir: Path.Combine(crashed.Path, "model"), storeDir: crashed.Path);
        var c2 = restarted.Client();
        Assert.Equal(3, restarted.Get<AlertStore>().CountAlerts("tenant-a"));
        Assert.Equal(2, restarted.Get<CstmML.Host.Streaming.SessionManager>().OpenSessions);

        // Alice's open session had 2 alerts; a third makes it cross the threshold only if the session resumed.
        var (_, resumed) = await c2.PostAsync(HostRoutes.Alerts, RawAlerts.CloudTrail("a-2", RawAlerts.T0.AddMinutes(2)));
        var (_, resent) = await c2.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("a", 2, RawAlerts.T0));
        var (_, page) = await c2.GetJsonAsync(HostRoutes.Detections);

        Assert.Equal(1, resumed.GetProperty("detections").GetInt32());
        Assert.Equal(2, resent.GetProperty("duplicates").GetInt32());
        Assert.Equal(["a-0", "a-1", "a-2"], page.GetProperty("detections")[0].GetProperty("result").GetProperty("alert_ids").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task Restart_AfterGracefulStop_DetectionsAreNotRepeated()
    {
        using var temp = new TempDir();
        var model = Path.Combine(temp.Path, "model");
        FakeModelFolder.Publish(model, "fake", "1.0.0");
        using (var host = new HostFactory(modelDir: model, storeDir: temp.Path))
        {
            await host.Client().PostAsync(HostRoutes.Alerts, RawAlerts.Lines("a", 3, RawAlerts.T0));
        }

        using var again = new HostFactory(modelDir: model, storeDir: temp.Path);
        var (_, page) = await again.Client().GetJsonAsync(HostRoutes.Detections);

        Assert.Equal(1, page.GetProperty("detections").GetArrayLength());
        Assert.Equal(3, again.Get<AlertStore>().CountAlerts("tenant-a"));
    }

    [Fact]
    public async Task Restart_WithARiskCrossingStillWaitingForItsRescore_DetectsItAtReplay()
    {
        using var temp = new TempDir();
        var model = Path.Combine(temp.Path, "model");
        FakeModelFolder.Publish(model, "fake", "1.0.0");
        var playbooks = CstmML.Scoring.Engine.ScoringEngine.LoadPlaybooks(RealModel.PlaybooksDirectory);
        var settings = new Dictionary<string, string?> { ["ScoringHost:RiskThreshold"] = "70" };
        var loader = CstmML.Host.Models.ScorerLoaders.From(_ => new PlaybookScorer(playbooks, pointsPerAlert: 10));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RawAlerts.T0); // the re-score interval never elapses
        int waitingBefore;
        using (var host = new HostFactory(settings, modelDir: model, storeDir: temp.Path, loader: loader, time: time))
        {
            var client = host.Client();
            await client.PostAsync(HostRoutes.Alerts, RawAlerts.Lines("a", 6, RawAlerts.T0)); // risk 60
            await client.PostAsync(HostRoutes.Alerts, RawAlerts.CloudTrail("a-6", RawAlerts.T0.AddMinutes(6))); // risk 70, waits
            var (_, page) = await client.GetJsonAsync(HostRoutes.Detections);
            waitingBefore = page.GetProperty("detections").GetArrayLength();
        }

        using var again = new HostFactory(settings, modelDir: model, storeDir: temp.Path, loader: loader, time: time);
        var (_, after) = await again.Client().GetJsonAsync(HostRoutes.Detections);

        Assert.Equal(0, waitingBefore);
        var d = Assert.Single(after.GetProperty("detections").EnumerateArray());
        Assert.Equal(7, d.GetProperty("result").GetProperty("alert_count").GetInt32());
    }
}
