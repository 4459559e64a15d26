using System.Diagnostics;
using CstmML.Host;
using CstmML.Host.Auth;
using CstmML.Host.Models;
using CstmML.Host.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CstmML.Benchmarks.Host;

/// <summary>The real host on a loopback port (127.0.0.1, random), with temp store and model folders, and one key.</summary>
internal sealed class HostUnderTest : ILoadTarget
{
    public const string Key = "cstm_bench_key";

    private readonly WebApplication _app;
    private readonly string _dir;

    private HostUnderTest(WebApplication app, string dir, Uri baseAddress, TimeSpan coldStart)
    {
        _app = app;
        _dir = dir;
        BaseAddress = baseAddress;
        ColdStart = coldStart;
    }

    public Uri BaseAddress { get; }

    /// <summary>From building the host to the first 200 of /readyz (in-process; excludes runtime start).</summary>
    public TimeSpan ColdStart { get; }

    /// <param name="modelDir">A model folder to copy and score with the real engine; null for <see cref="BenchScorer"/>.</param>
    public static async Task<HostUnderTest> StartAsync(string? modelDir = null)
    {
        var sw = Stopwatch.StartNew();
        var dir = Path.Combine(Path.GetTempPath(), "cstm-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "model"));
        if (modelDir is not null)
        {
            CopyFolder(modelDir, Path.Combine(dir, "model"));
            var playbooks = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelDir).TrimEnd('/'))!, "playbooks");
            if (Directory.Exists(playbooks))
            {
                CopyFolder(playbooks, Path.Combine(dir, "playbooks")); // the engine's default: beside the model folder
            }
        }

        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter(typeof(ScoringWarmup).FullName, LogLevel.Information); // how long the warm-up ran, in rounds
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ScoringHost:ModelDirectory"] = Path.Combine(dir, "model"),
            ["ScoringHost:StoreDirectory"] = Path.Combine(dir, "store"),
            ["ScoringHost:ApiKeys:0:Tenant"] = "bench",
            ["ScoringHost:ApiKeys:0:Sha256"] = ApiKeyHash.Of(Key),
            ["ScoringHost:RequestsPerSecondPerKey"] = "100000",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddScoringHost(modelDir is null ? ScorerLoaders.From(_ => new BenchScorer()) : ScorerLoaders.Default);
        var app = builder.Build();
        app.MapScoringHost();
        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address };
        while (!(await client.GetAsync(new Uri("/readyz", UriKind.Relative)).ConfigureAwait(false)).IsSuccessStatusCode)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }

        return new HostUnderTest(app, dir, address, sw.Elapsed);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public bool Separate => false;

    public string GcMode => (System.Runtime.GCSettings.IsServerGC ? "server" : "workstation") + (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Interactive ? "-background" : string.Empty);

    /// <summary>The host's services (in-process diagnostics).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>This process's usage: host and load client together.</summary>
    public HostUsage Usage()
    {
        using var proc = Process.GetCurrentProcess();
        var manager = _app.Services.GetRequiredService<SessionManager>();
        var (groups, batches) = manager.Coalescing;
        return new HostUsage(proc.TotalProcessorTime, proc.WorkingSet64, GC.GetTotalMemory(false), groups, batches, manager.Rescoring, RuntimeStats.Instance.Snapshot());
    }

    public Task<HostUsage> UsageAsync() => Task.FromResult(Usage());

    public HttpClient Client()
    {
        var c = new HttpClient { BaseAddress = BaseAddress };
        c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        return c;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(_dir, recursive: true);
    }
}
