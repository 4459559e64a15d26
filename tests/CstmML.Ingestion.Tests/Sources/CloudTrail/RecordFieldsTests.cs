using System.Text.Json;
using CstmML.Ingestion.Sources.CloudTrail;
using F = CstmML.Ingestion.Sources.CloudTrail.CloudTrailFields;

namespace CstmML.Ingestion.Tests.Sources.CloudTrail;

public sealed class RecordFieldsTests
{
    [Fact]
    public void Scan_EveryPrimaryFieldConstant_IsCaptured()
    {
        string[] names =
        [
            F.EventTime, F.EventId, F.EventName, F.EventSource, F.AwsRegion, F.RecipientAccountId, F.UserIdentity,
            F.SourceIpAddress, F.UserAgent, F.ErrorCode, F.ReadOnly, F.RequestParameters, F.ResponseElements,
        ];
        var json = "{" + string.Join(",", names.Select((n, i) => $"\"{n}\":{i}")) + "}";
        using var doc = JsonDocument.Parse(json);
        var f = default(RecordFields);
        f.Scan(doc.RootElement);
        JsonElement[] got =
        [
            f.EventTime, f.EventId, f.EventName, f.EventSource, f.AwsRegion, f.RecipientAccountId, f.UserIdentity,
            f.SourceIpAddress, f.UserAgent, f.ErrorCode, f.ReadOnly, f.RequestParameters, f.ResponseElements,
        ];
        for (var i = 0; i < names.Length; i++)
        {
            Assert.True(got[i].ValueKind == JsonValueKind.Number && got[i].GetInt32() == i, names[i]);
        }
    }

    [Fact]
    public void Scan_FallbackFields_OnlyReadWhenPrimaryMissing()
    {
        using var doc = JsonDocument.Parse("""{"@timestamp":"t","insightDetails":{}}""");
        var f = default(RecordFields);
        f.Scan(doc.RootElement);
        Assert.Equal(JsonValueKind.String, f.AtTimestamp.ValueKind);
        Assert.Equal(JsonValueKind.Object, f.InsightDetails.ValueKind);
    }

    [Fact]
    public void Scan_DuplicateName_ActsLikeTryGetProperty()
    {
        using var doc = JsonDocument.Parse("""{"eventName":"A","eventName":"B"}""");
        var f = default(RecordFields);
        f.Scan(doc.RootElement);
        Assert.Equal(doc.RootElement.GetProperty("eventName").GetString(), f.EventName.GetString());
    }
}
