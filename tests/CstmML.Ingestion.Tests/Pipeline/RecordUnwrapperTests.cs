using System.Text.Json;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

public class RecordUnwrapperTests
{
    private static string Unwrap(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return RecordUnwrapper.Unwrap(doc.RootElement).GetRawText();
    }

    [Fact]
    public void Unwrap_EventBridge_ReturnsDetail() =>
        Assert.Equal("{\"x\":1}", Unwrap("{\"detail-type\":\"t\",\"detail\":{\"x\":1}}"));

    [Fact]
    public void Unwrap_HecAroundEventBridge_ReturnsInnermost() =>
        Assert.Equal("{\"x\":1}", Unwrap("{\"sourcetype\":\"s\",\"event\":{\"detail-type\":\"t\",\"detail\":{\"x\":1}}}"));

    [Theory]
    [InlineData("{\"detail\":{\"x\":1}}")]
    [InlineData("{\"event\":{\"x\":1}}")]
    [InlineData("{\"detail-type\":\"t\",\"detail\":\"text\"}")]
    public void Unwrap_LookalikesWithoutTheWholeWrapper_AreKept(string json) => Assert.Equal(json, Unwrap(json));
}
