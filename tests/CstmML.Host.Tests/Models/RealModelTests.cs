using CstmML.Host.Contracts;
using CstmML.Host.Models;
using CstmML.Host.Tests.TestSupport;
using CstmML.Testing;

namespace CstmML.Host.Tests.Models;

/// <summary>The host with the real scoring engine on a copy of the shipped <c>models/default</c> folder.</summary>
public sealed class RealModelTests
{
    [Fact]
    public async Task Score_RealModel_ServesEngineResults()
    {
        using var temp = new TempDir();
        var model = RealModel.CopyTo(temp.Path);
        // With the warm-up on, as the host runs by default: the real engine scores the built-in sample before serving.
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:WarmupBudget"] = "00:00:00.300" }, modelDir: model, storeDir: Path.Combine(temp.Path, "store"), loader: ScorerLoaders.Default);

        // No content type (as curl --data-binary sends form-urlencoded): the body is read as alerts regardless.
        using var response = await host.Client().PostAsync(HostRoutes.Score, new StringContent(RawAlerts.Lines("r", 4, RawAlerts.T0), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        var status = (int)response.StatusCode;
        using var doc = await response.ReadJsonAsync();
        var json = doc.RootElement;
        var (_, models) = await host.Client().GetJsonAsync(HostRoutes.Models);

        Assert.Equal(200, status);
        var result = json.GetProperty("results")[0];
        Assert.Equal(4, result.GetProperty("alert_count").GetInt32());
        Assert.True(result.TryGetProperty("risk", out _));
        Assert.Equal(models.GetProperty("models")[0].GetProperty("name").GetString(), result.GetProperty("model").GetProperty("name").GetString());
        Assert.StartsWith("cstm-features/", models.GetProperty("models")[0].GetProperty("feature_schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryReload_TamperedRealModel_RefusedAndOldKeepsServing()
    {
        using var temp = new TempDir();
        var model = RealModel.CopyTo(temp.Path);
        using var host = new HostFactory(modelDir: model, storeDir: Path.Combine(temp.Path, "store"), loader: ScorerLoaders.Default);
        var client = host.Client();
        var before = host.Get<ModelRegistry>().Current!;

        // A file whose SHA-256 no longer matches the manifest: the engine refuses the folder.
        var onnx = Directory.GetFiles(model, "*.onnx", SearchOption.AllDirectories)[0];
        File.AppendAllText(onnx, "tampered");
        var reloaded = host.Get<ModelRegistry>().TryReload();
        var (status, _) = await client.PostAsync(HostRoutes.Score, RawAlerts.Lines("t", 2, RawAlerts.T0));

        Assert.False(reloaded);
        Assert.Same(before, host.Get<ModelRegistry>().Current);
        Assert.Equal(200, status);
    }
}
