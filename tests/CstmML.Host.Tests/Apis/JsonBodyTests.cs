using System.Text;
using System.Text.Json;
using CstmML.Core.Serialization;
using CstmML.Host.Apis;
using CstmML.Host.Contracts;
using CstmML.Host.Tests.TestSupport;
using CstmML.Scoring.Results;
using Microsoft.AspNetCore.Http;

namespace CstmML.Host.Tests.Apis;

public sealed class JsonBodyTests
{
    [Fact]
    public async Task ExecuteAsync_LargeBody_WritesTheSameBytesAsTheSerializer()
    {
        // Large enough (> 16 KiB) that the framework's streaming writer would take its resumable path.
        var response = new ScoreResponse
        {
            Model = new ModelRef("m", "1"),
            AlertCount = 300,
            Results = [],
            Rejects = [.. Enumerable.Range(0, 300).Select(i => new RejectRecord("request", i + 1, null, $"bad <record> {i}", "field"))],
        };
        var context = new DefaultHttpContext();
        using var sink = new MemoryStream();
        context.Response.Body = sink;

        await new JsonBody<ScoreResponse>(response, HostJsonContext.Default.ScoreResponse).ExecuteAsync(context);

        var expected = JsonSerializer.Serialize(response, HostJsonContext.Default.ScoreResponse);
        Assert.True(expected.Length > 16 * 1024);
        Assert.Equal(expected, Encoding.UTF8.GetString(sink.ToArray()));
        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ScoreAndDetections_Declare200WithTheirSchemas()
    {
        using var host = new HostFactory();

        var (status, doc) = await host.Client(key: null).GetJsonAsync("/openapi/v1.json");

        Assert.Equal(200, status);
        var paths = doc.GetProperty("paths");
        Assert.Contains("ScoreResponse", paths.GetProperty(HostRoutes.Score).GetProperty("post").GetProperty("responses").GetProperty("200").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("DetectionPage", paths.GetProperty(HostRoutes.Detections).GetProperty("get").GetProperty("responses").GetProperty("200").GetRawText(), StringComparison.Ordinal);
    }
}
