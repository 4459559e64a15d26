using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using CstmML.Host.Apis;
using CstmML.Host.Auth;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Health;
using CstmML.Host.Metrics;
using CstmML.Host.Models;
using CstmML.Host.Scoring;
using CstmML.Host.Store;
using CstmML.Host.Streaming;
using CstmML.Ingestion;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CstmML.Host;

/// <summary>The host's registration (<see cref="AddScoringHost"/>) and pipeline (<see cref="MapScoringHost"/>), shared by its Program and <c>cstm serve</c>.</summary>
public static class HostSetup
{
    /// <summary>Rate limiter policy partitioned by API key.</summary>
    public const string PerKeyPolicy = "per-key";

    /// <summary>Health check tag of /healthz.</summary>
    public const string LiveTag = "live";

    /// <summary>Health check tag of /readyz.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers everything the host needs; <paramref name="loader"/> loads a scorer from the model folder.</summary>
    public static WebApplicationBuilder AddScoringHost(this WebApplicationBuilder builder, ScorerLoader loader)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ScoringHostOptions>().BindConfiguration(ScoringHostDefaults.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScoringHostOptions>, ScoringHostOptionsValidator>();
        services.AddSingleton(loader);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(SourceRegistry.Default);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, HostJsonContext.Default);
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddHostProblemDetails();
        services.AddApiKeyAuthentication();
        services.AddPerKeyRateLimiting();
        services.AddHostRequestTimeouts();
        services.AddScoringState();
        services.AddHealthChecks()
            .AddCheck("process", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<ModelLoadedHealthCheck>("model", tags: [ReadyTag])
            .AddCheck<StoreWritableHealthCheck>("store", tags: [ReadyTag]);
        services.AddOpenApi();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ScoringHostOptions>>((k, o) =>
            k.Limits.MaxRequestBodySize = o.Value.MaxRequestBytes * 2); // the handlers enforce the exact limit with a problem answer
        return builder;
    }

    /// <summary>The request pipeline and endpoints: a table of contents.</summary>
    public static WebApplication MapScoringHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestMetricsMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.MapOpenApi();
        app.MapScoreApi();
        app.MapAlertsApi();
        app.MapOpsApi();
        return app;
    }

    private static void AddHostProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (ctx.ProblemDetails.Type is null || !ctx.ProblemDetails.Type.StartsWith("urn:cstmml:", StringComparison.Ordinal))
            {
                var (type, title) = ProblemWriter.ForStatus(status);
                ctx.ProblemDetails.Type = type;
                ctx.ProblemDetails.Title = title;
            }

            // Never leak exception text, stack traces or paths of the machine.
            if (ctx.Exception is not null)
            {
                ctx.ProblemDetails.Detail = null;
                ctx.ProblemDetails.Extensions.Remove("exception");
            }

            ctx.ProblemDetails.Instance = ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.Remove("traceId");
            ctx.ProblemDetails.Extensions["trace_id"] = ctx.HttpContext.TraceIdentifier;
        });

    private static void AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyRegistry>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
    }

    private static void AddPerKeyRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<ScoringHostOptions>>((r, o) =>
        {
            var perSecond = o.Value.RequestsPerSecondPerKey;
            r.AddPolicy(PerKeyPolicy, ctx => RateLimitPartition.GetTokenBucketLimiter(
                TenantClaims.KeyIdOf(ctx.User) ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            r.OnRejected = (ctx, token) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(ProblemWriter.WriteAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited, "Too many requests.", string.Create(CultureInfo.InvariantCulture, $"At most {perSecond} requests per second per API key.")));
            };
        });
    }

    private static void AddHostRequestTimeouts(this IServiceCollection services)
    {
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ScoringHostOptions>>((t, o) =>
            t.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = o.Value.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = ctx => ProblemWriter.WriteAsync(ctx, StatusCodes.Status504GatewayTimeout, ProblemTypes.Timeout, "The request timed out.", null),
            });
    }

    private static void AddScoringState(this IServiceCollection services)
    {
        services.AddSingleton<HostMetrics>();
        services.AddSingleton<ScoringWarmup>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<SessionManager>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ScoringHostOptions>>().Value;
            return new BodyReader(sp.GetRequiredService<SourceRegistry>(), o.MaxAlertsPerRequest, o.MaxJsonDepth);
        });

        // Order matters: the model loads first, then the store replays sessions (scored with that model); the re-score
        // timer is stopped first (reverse order), before the store is flushed and closed.
        services.AddHostedService<ModelWatcher>();
        services.AddHostedService<StoreRecovery>();
        services.AddHostedService<RescoreTimer>();
    }
}
