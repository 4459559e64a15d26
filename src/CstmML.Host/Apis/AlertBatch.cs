using CstmML.Host.Configuration;
using CstmML.Host.Models;
using CstmML.Host.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CstmML.Host.Apis;

/// <summary>
/// The checks both <c>/v1/score</c> and <c>/v1/alerts</c> make before any work, in one order: body size, alert count,
/// something readable, a model serving. Either the parsed body and the model, or the problem to answer.
/// </summary>
internal static class AlertBatch
{
    public static async Task<(ParsedBody? Body, ServingModel? Model, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, ModelRegistry models, BodyReader reader, ScoringHostOptions o, CancellationToken cancellationToken)
    {
        ParsedBody parsed;
        using (var body = await RequestBody.ReadAsync(request, o.MaxRequestBytes, cancellationToken).ConfigureAwait(false))
        {
            if (body is null)
            {
                return (null, null, Problems.BodyTooLarge(o.MaxRequestBytes));
            }

            parsed = reader.Read(body.Bytes);
        }

        if (parsed.TooManyAlerts)
        {
            return (null, null, Problems.BatchTooLarge(o.MaxAlertsPerRequest));
        }

        if (parsed.Alerts.Count == 0)
        {
            return (null, null, Problems.InvalidInput(parsed.Rejects));
        }

        // Refuse before any storing or scoring: accepted alerts must be scored, and no model means no scoring.
        return models.Current is { } model ? (parsed, model, null) : (null, null, Problems.ModelUnavailable());
    }
}
