using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>
/// Starts the host's real setup (<see cref="HostSetup"/>) on a test server without WebApplicationFactory, for tests of
/// start-up failures: when the app fails to start, WebApplicationFactory can race the app's own disposal and report an
/// ObjectDisposedException instead of the cause (dotnet/aspnetcore#40271).
/// </summary>
internal static class DirectHost
{
    /// <summary>Builds, starts and stops a host with <paramref name="like"/>'s settings and loader.</summary>
    public static async Task StartAndStopAsync(HostFactory like)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(like.Settings);
        builder.AddScoringHost(like.Loader);
        await using var app = builder.Build();
        app.MapScoringHost();
        await app.StartAsync();
        await app.StopAsync();
    }
}
