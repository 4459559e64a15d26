using CstmML.Host.Contracts;
using CstmML.Host.Metrics;
using CstmML.Host.Models;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CstmML.Host.Apis;

/// <summary>Operations: GET /v1/models, /healthz (live), /readyz (model loaded, store writable), /metrics (Prometheus).</summary>
internal static class OpsApi
{
    public static IEndpointRouteBuilder MapOpsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(HostRoutes.Models, GetModels)
            .RequireAuthorization()
            .WithName("GetModels")
            .WithSummary("The serving model: name, version, feature schema, loaded at.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapHealthChecks(HostRoutes.Live, new HealthCheckOptions { Predicate = c => c.Tags.Contains(HostSetup.LiveTag) });
        app.MapHealthChecks(HostRoutes.Ready, new HealthCheckOptions { Predicate = c => c.Tags.Contains(HostSetup.ReadyTag) });
        app.MapGet(HostRoutes.Metrics, GetMetrics)
            .WithName("GetMetrics")
            .WithSummary("Prometheus text: requests and latency by route and status, alerts, detections, open sessions, model.")
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The serving model (empty list when none is loaded).</summary>
    public static Ok<ModelsResponse> GetModels(ModelRegistry models) =>
        TypedResults.Ok(new ModelsResponse(models.Current is { } m ? [m.Info] : []));

    /// <summary>The metrics in Prometheus text format.</summary>
    public static ContentHttpResult GetMetrics(HostMetrics metrics) =>
        TypedResults.Text(PrometheusText.Write(metrics), PrometheusText.ContentType);
}
