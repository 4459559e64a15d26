using System.Net.Http.Headers;
using CstmML.Host.Auth;
using CstmML.Host.Models;
using CstmML.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>An in-memory host on temp model and store folders with the fake scorer and two tenants' keys.</summary>
internal sealed class HostFactory : WebApplicationFactory<Program>
{
    public const string KeyA = "cstm_test_key_tenant_a";
    public const string KeyB = "cstm_test_key_tenant_b";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDirs;
    private readonly ScorerLoader _loader;
    private readonly TimeProvider? _time;

    public HostFactory(IDictionary<string, string?>? settings = null, string? modelDir = null, string? storeDir = null, bool publishModel = true, ScorerLoader? loader = null, TimeProvider? time = null)
    {
        _time = time;
        _loader = loader ?? FakeModelFolder.Loader;
        _ownsDirs = modelDir is null;
        Temp = new TempDir();
        ModelDir = modelDir ?? Path.Combine(Temp.Path, "model");
        StoreDir = storeDir ?? Path.Combine(Temp.Path, "store");
        if (publishModel && modelDir is null)
        {
            FakeModelFolder.Publish(ModelDir, "fake", "1.0.0");
        }

        _settings = new Dictionary<string, string?>
        {
            ["ScoringHost:ModelDirectory"] = ModelDir,
            ["ScoringHost:StoreDirectory"] = StoreDir,
            ["ScoringHost:ModelPollInterval"] = "00:00:00",

            // Off unless a test asks: a gated scorer must see only the test's calls (warm-up has its own tests).
            ["ScoringHost:WarmupBudget"] = "00:00:00",
            ["ScoringHost:ApiKeys:0:Tenant"] = "tenant-a",
            ["ScoringHost:ApiKeys:0:Sha256"] = ApiKeyHash.Of(KeyA),
            ["ScoringHost:ApiKeys:1:Tenant"] = "tenant-b",
            ["ScoringHost:ApiKeys:1:Sha256"] = ApiKeyHash.Of(KeyB),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }
    }

    public TempDir Temp { get; }

    /// <summary>The configuration this host starts with (also used by <see cref="DirectHost"/>).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>The scorer loader this host uses.</summary>
    public ScorerLoader Loader => _loader;

    public string ModelDir { get; }

    public string StoreDir { get; }

    /// <summary>A client sending <paramref name="key"/> as its bearer token (none when null).</summary>
    public HttpClient Client(string? key = KeyA)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A service of the running host.</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton(_loader);
            if (_time is not null)
            {
                s.AddSingleton(_time);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirs)
        {
            Temp.Dispose();
        }
    }
}
