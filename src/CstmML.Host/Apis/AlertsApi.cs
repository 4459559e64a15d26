using CstmML.Host.Auth;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Logging;
using CstmML.Host.Models;
using CstmML.Host.Scoring;
using CstmML.Host.Store;
using CstmML.Host.Streaming;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Apis;

/// <summary>POST /v1/alerts (stream in) and GET /v1/detections (page out), both scoped to the key's tenant.</summary>
internal static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(HostRoutes.Alerts, PostAlertsAsync)
            .RequireAuthorization()
            .RequireRateLimiting(HostSetup.PerKeyPolicy)
            .WithName("PostAlerts")
            .WithSummary("Stream alerts in: stored durably (idempotent on alert id) before the 202; sessions are scored and detections stored.")
            .WithDescription(ApiExamples.AlertsDescription)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet(HostRoutes.Detections, GetDetections)
            .RequireAuthorization()
            .RequireRateLimiting(HostSetup.PerKeyPolicy)
            .WithName("GetDetections")
            .WithSummary("Page the tenant's detections after a cursor (since=0 or omitted: from the start).")
            .WithDescription(ApiExamples.DetectionsDescription)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>Reads, stores and processes a batch; answers 202 once stored.</summary>
    public static async Task<Results<Accepted<AlertsAccepted>, ProblemHttpResult>> PostAlertsAsync(
        HttpContext context, ModelRegistry models, BodyReader reader, SessionManager sessions, IOptions<ScoringHostOptions> options, ILogger<SessionManager> log)
    {
        var o = options.Value;
        var tenant = TenantClaims.TenantOf(context.User);
        var (parsed, model, problem) = await AlertBatch.ReadAsync(context.Request, models, reader, o, context.RequestAborted).ConfigureAwait(false);
        if (problem is not null || parsed is null || model is null)
        {
            return problem ?? Problems.ModelUnavailable();
        }

        // Not cancelled by the client from here on: the store commit and session update are one step.
        var outcome = await sessions.IngestAsync(tenant, parsed.Alerts, model.Scorer).ConfigureAwait(false);
        Log.AlertsIngested(log, tenant, outcome.Accepted, outcome.Duplicates, parsed.Rejects.Count, outcome.Detections);
        return TypedResults.Accepted(
            HostRoutes.Detections,
            new AlertsAccepted { Accepted = outcome.Accepted, Duplicates = outcome.Duplicates, Detections = outcome.Detections, Rejects = parsed.Rejects });
    }

    /// <summary>The detections of the caller's tenant after <paramref name="since"/>.</summary>
    public static Results<JsonBody<DetectionPage>, ProblemHttpResult> GetDetections(
        HttpContext context, AlertStore store, string? since = null, int? limit = null)
    {
        var tenant = TenantClaims.TenantOf(context.User);
        long after = 0;
        if (!string.IsNullOrEmpty(since) && (!long.TryParse(since, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after) || after < 0))
        {
            return Problems.InvalidCursor("'since' must be a cursor returned by this API (or 0).");
        }

        var size = limit ?? ScoringHostDefaults.DetectionsPageSize;
        if (size is < 1 or > ScoringHostDefaults.MaxDetectionsPageSize)
        {
            return Problems.InvalidCursor($"'limit' must be within 1..{ScoringHostDefaults.MaxDetectionsPageSize}.");
        }

        var page = store.ReadDetections(tenant, after, size);
        return new JsonBody<DetectionPage>(
            new DetectionPage(page, page.Count == 0 ? after.ToString(System.Globalization.CultureInfo.InvariantCulture) : page[^1].Cursor),
            HostJsonContext.Default.DetectionPage);
    }
}
