using System.Text;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Sources.CloudTrail;

namespace CstmML.Ingestion.Tests.Sources.CloudTrail;

public class CloudTrailUtf8ReaderTests
{
    private const string Record = """{"eventVersion":"1.08","eventTime":"2024-05-01T12:00:00Z","eventID":"e-1","eventName":"ListBuckets","requestParameters":{"a":[[1]]}}""";

    [Fact]
    public void TryReadLine_ExactlyOneRecord_ReadsItsValues()
    {
        Assert.True(CloudTrailUtf8Reader.TryReadLine(Encoding.UTF8.GetBytes(Record), 64, new Utf8StringCache(), out var values));
        Assert.Equal("e-1", values.Id);
        Assert.Equal("ListBuckets", values.EventName);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), values.Time);
    }

    [Theory]
    [InlineData(Record + " ")]
    [InlineData(Record + "x")]
    [InlineData(Record + "{}")]
    [InlineData(Record + Record)]
    [InlineData("{\"eventVersion\":\"1.08\"")]
    public void TryReadLine_AnythingBesidesOneObject_IsDeclined(string line) =>
        Assert.False(CloudTrailUtf8Reader.TryReadLine(Encoding.UTF8.GetBytes(line), 64, new Utf8StringCache(), out _));

    [Fact]
    public void TryReadLine_DeeperThanTheLimit_IsDeclinedButTryReadTakesIt()
    {
        // requestParameters.a is at depth 3; the record reader's limit is what the line read must respect.
        var bytes = Encoding.UTF8.GetBytes(Record);
        Assert.False(CloudTrailUtf8Reader.TryReadLine(bytes, 3, new Utf8StringCache(), out _));
        Assert.True(CloudTrailUtf8Reader.TryReadLine(bytes, 4, new Utf8StringCache(), out _));
        Assert.True(CloudTrailUtf8Reader.TryRead(bytes, new Utf8StringCache(), out _));
    }
}
