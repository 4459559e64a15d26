using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;

namespace CstmML.Host.Apis;

/// <summary>
/// A JSON answer serialized by the source-generated serializer's fast path straight into the response body's pipe,
/// then flushed once. The framework's <c>Ok&lt;T&gt;</c> serializes asynchronously into the pipe, which for bodies
/// larger than its buffer (a 50-alert /v1/score answer is ~23 KB) falls back to the slower resumable, metadata-driven
/// writer. Same bytes either way: the same <see cref="JsonTypeInfo{T}"/> and options.
/// </summary>
internal sealed class JsonBody<T>(T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public T Value { get; } = value;

    object? IValueHttpResult.Value => Value;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    string IContentTypeHttpResult.ContentType => JsonContentType;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        Write(response.BodyWriter);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    // Synchronous: the writer fills the pipe's memory (no I/O); disposing it commits the bytes before the flush.
    private void Write(PipeWriter body)
    {
        using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = typeInfo.Options.Encoder, MaxDepth = typeInfo.Options.MaxDepth });
        JsonSerializer.Serialize(writer, Value, typeInfo);
    }
}
