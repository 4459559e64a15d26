using CstmML.Host.Scoring;
using Microsoft.AspNetCore.Http;

namespace CstmML.Host.Tests.Scoring;

public sealed class RequestBodyTests
{
    private static DefaultHttpContext Request(byte[] body, bool declareLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = declareLength ? body.Length : null;
        return context;
    }

    private static byte[] Bytes(int n) => [.. Enumerable.Range(0, n).Select(i => (byte)(i % 251))];

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // chunked: no Content-Length, the buffer grows past its first 16 KiB
    public async Task ReadAsync_BodyWithinLimit_ReturnsEveryByte(bool declareLength)
    {
        var body = Bytes(40_000);

        using var read = await RequestBody.ReadAsync(Request(body, declareLength).Request, 50_000, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(body, read.Bytes.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyOverLimit_ReturnsNull(bool declareLength)
    {
        using var read = await RequestBody.ReadAsync(Request(Bytes(40_000), declareLength).Request, 30_000, CancellationToken.None);

        Assert.Null(read);
    }

    [Fact]
    public async Task ReadAsync_BodyExactlyAtLimit_IsAccepted()
    {
        using var read = await RequestBody.ReadAsync(Request(Bytes(16 * 1024), declareLength: false).Request, 16 * 1024, CancellationToken.None);

        Assert.Equal(16 * 1024, read?.Bytes.Count);
    }
}
