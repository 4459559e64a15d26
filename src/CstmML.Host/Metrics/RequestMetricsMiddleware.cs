namespace CstmML.Host.Metrics;

/// <summary>Times every request and records it by route template (never the raw path, which would explode cardinality).</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, HostMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = time.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            metrics.Request(route, context.Request.Method, context.Response.StatusCode, time.GetElapsedTime(start).TotalSeconds);
        }
    }
}
