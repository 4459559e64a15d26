using System.Globalization;
using CstmML.Core.Serialization;
using CstmML.Host.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CstmML.Host.Apis;

/// <summary>The problem results endpoints return, each with its stable type URI.</summary>
internal static class Problems
{
    /// <summary>At most this many rejects are echoed in an invalid-input problem.</summary>
    public const int MaxRejectsShown = 20;

    public static ProblemHttpResult BodyTooLarge(long max) =>
        TypedResults.Problem($"The body exceeds {max.ToString(CultureInfo.InvariantCulture)} bytes; split it into smaller requests.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large.", type: ProblemTypes.BodyTooLarge);

    public static ProblemHttpResult BatchTooLarge(int max) =>
        TypedResults.Problem($"At most {max.ToString(CultureInfo.InvariantCulture)} alerts per request; split the batch.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many alerts in one request.", type: ProblemTypes.BatchTooLarge);

    public static ProblemHttpResult InvalidInput(IReadOnlyList<RejectRecord> rejects) =>
        TypedResults.Problem(
            rejects.Count == 0 ? "The body holds no alert." : $"No alert could be read; {rejects.Count.ToString(CultureInfo.InvariantCulture)} record(s) rejected, first: line {rejects[0].Line.ToString(CultureInfo.InvariantCulture)}: {rejects[0].Reason}",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid input.",
            type: ProblemTypes.InvalidInput,
            extensions: new Dictionary<string, object?> { ["rejects"] = rejects.Take(MaxRejectsShown).Select(r => $"{r.File}:{r.Line.ToString(CultureInfo.InvariantCulture)}{(r.Index is { } i ? "#" + i.ToString(CultureInfo.InvariantCulture) : string.Empty)}: {r.Reason}{(r.Field is null ? string.Empty : " [field " + r.Field + "]")}").ToArray() });

    public static ProblemHttpResult InvalidCursor(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid cursor or limit.", type: ProblemTypes.InvalidCursor);

    public static ProblemHttpResult ModelUnavailable() =>
        TypedResults.Problem("No model is loaded yet; see /readyz.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Model unavailable.", type: ProblemTypes.ModelUnavailable);
}
