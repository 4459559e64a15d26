using Microsoft.AspNetCore.Mvc;

namespace CstmML.Host.Contracts;

/// <summary>Builds and writes problem details outside endpoint handlers (auth, rate limiter, status pages).</summary>
internal static class ProblemWriter
{
    /// <summary>Writes a problem response with <c>application/problem+json</c>.</summary>
    public static Task WriteAsync(HttpContext context, int status, string type, string title, string? detail)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail, Instance = context.Request.Path };
        return context.Response.WriteAsJsonAsync(problem, HostJsonContext.Default.ProblemDetails, "application/problem+json", context.RequestAborted);
    }

    /// <summary>The problem type URI for a bare status code (status code pages).</summary>
    public static (string Type, string Title) ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => (ProblemTypes.Unauthorized, "Missing or invalid API key."),
        StatusCodes.Status403Forbidden => (ProblemTypes.Forbidden, "Forbidden."),
        StatusCodes.Status404NotFound => (ProblemTypes.NotFound, "Not found."),
        StatusCodes.Status413PayloadTooLarge => (ProblemTypes.BodyTooLarge, "Request body too large."),
        StatusCodes.Status429TooManyRequests => (ProblemTypes.RateLimited, "Too many requests."),
        StatusCodes.Status504GatewayTimeout => (ProblemTypes.Timeout, "The request timed out."),
        _ => (ProblemTypes.Internal, "The request failed."),
    };
}
