using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Models;
using CstmML.Host.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Apis;

/// <summary>POST /v1/score: stateless scoring of raw alerts or pre-built sequences.</summary>
internal static class ScoreApi
{
    public static IEndpointRouteBuilder MapScoreApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(HostRoutes.Score, ScoreAsync)
            .RequireAuthorization()
            .RequireRateLimiting(HostSetup.PerKeyPolicy)
            .WithName("Score")
            .WithSummary("Score raw provider alerts (any format the ingestion reads, mixed) or pre-built sequences; stateless.")
            .WithDescription(ApiExamples.ScoreDescription)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>Scores the body with the serving model; rejects are listed beside the results.</summary>
    public static async Task<Results<JsonBody<ScoreResponse>, ProblemHttpResult>> ScoreAsync(
        HttpRequest request, ModelRegistry models, BodyReader reader, IOptions<ScoringHostOptions> options, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (parsed, model, problem) = await AlertBatch.ReadAsync(request, models, reader, o, cancellationToken).ConfigureAwait(false);
        if (problem is not null || parsed is null || model is null)
        {
            return problem ?? Problems.ModelUnavailable();
        }

        var sequences = parsed.Sequences ?? BatchSequencing.Build(parsed.Alerts, o.BatchSequencer);
        var results = model.Scorer.Score(sequences, null, cancellationToken);
        return new JsonBody<ScoreResponse>(
            new ScoreResponse { Model = model.Scorer.Model, AlertCount = parsed.Alerts.Count, Results = results, Rejects = parsed.Rejects },
            HostJsonContext.Default.ScoreResponse);
    }
}
