using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Sources.CloudTrail;

namespace CstmML.Ingestion.Tests.Sources.CloudTrail;

public sealed class CloudTrailSourceTests
{
    private const string Identity = """{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333"}""";

    private static NormalizeResult Normalize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return CloudTrailSource.Instance.Normalize(doc.RootElement, new RawRef("test.json", 7));
    }

    private static string Record(string eventSource, string eventName, string extra = "") =>
        $$"""{"eventVersion":"1.09","eventID":"e1","eventTime":"2024-05-01T10:00:00Z","eventSource":"{{eventSource}}","eventName":"{{eventName}}","awsRegion":"us-east-1","userIdentity":{{Identity}}{{extra}}}""";

    private static bool Matches(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return CloudTrailSource.Instance.Matches(doc.RootElement);
    }

    [Theory]
    [InlineData("ListFunctions20150331", "ListFunctions")]
    [InlineData("UpdateFunctionCode20150331v2", "UpdateFunctionCode")]
    [InlineData("AddPermission20150331v2", "AddPermission")]
    [InlineData("GetFunction20150331v2", "GetFunction")]
    [InlineData("CreateFunction20150331", "CreateFunction")]
    [InlineData("DescribeInstances", "DescribeInstances")]
    [InlineData("PutObject", "PutObject")]
    [InlineData("Ec2v2", "Ec2v2")]
    [InlineData("GetThing123456789", "GetThing123456789")]
    public void NormalizeEventName_VersionedNames_StripsApiVersion(string raw, string expected) =>
        Assert.Equal(expected, CloudTrailMappings.NormalizeEventName(raw));

    [Fact]
    public void Normalize_VersionedLambdaName_TypeAndMappingUsePlainName()
    {
        var alert = Normalize(Record("lambda.amazonaws.com", "UpdateFunctionCode20150331v2")).Alert!;
        Assert.Equal("UpdateFunctionCode", alert.Type);
        Assert.Contains(alert.Techniques, t => t.Value == "T1648");
    }

    [Fact]
    public void Normalize_ErrorCode_BecomesOutcomeAndRaisesSeverityWhenDenied()
    {
        var ok = Normalize(Record("iam.amazonaws.com", "CreateAccessKey")).Alert!;
        var denied = Normalize(Record("iam.amazonaws.com", "CreateAccessKey", ""","errorCode":"AccessDenied","errorMessage":"no" """)).Alert!;
        var other = Normalize(Record("iam.amazonaws.com", "CreateAccessKey", ""","errorCode":"NoSuchEntity" """)).Alert!;
        Assert.Equal(Outcomes.Success, ok.Outcome);
        Assert.Equal("AccessDenied", denied.Outcome);
        Assert.Equal("NoSuchEntity", other.Outcome);
        Assert.Equal(ok.Severity + 1, denied.Severity);
        Assert.Equal(ok.Severity, other.Severity);
    }

    [Fact]
    public void Normalize_FailedConsoleLogin_IsFailureAndGainsBruteForce()
    {
        const string FailedResponse = ""","responseElements":{"ConsoleLogin":"Failure"},"errorMessage":"Failed authentication" """;
        var failed = Normalize(Record("signin.amazonaws.com", "ConsoleLogin", FailedResponse)).Alert!;
        var success = Normalize(Record("signin.amazonaws.com", "ConsoleLogin", ""","responseElements":{"ConsoleLogin":"Success"}""")).Alert!;
        Assert.Equal(Outcomes.Failure, failed.Outcome);
        Assert.Contains(failed.Techniques, t => t.Value == "T1110");
        Assert.Equal(Outcomes.Success, success.Outcome);
        Assert.DoesNotContain(success.Techniques, t => t.Value == "T1110");
    }

    [Fact]
    public void Normalize_UnknownWriteCall_StaysUnmapped()
    {
        var alert = Normalize(Record("example.amazonaws.com", "FrobnicateWidget")).Alert!;
        Assert.Empty(alert.Techniques);
        Assert.Empty(alert.Mapping);
        Assert.Equal(3, alert.Severity);
    }

    [Theory]
    [InlineData("ec2.amazonaws.com", "DescribeVpcs", "T1580")]
    [InlineData("iam.amazonaws.com", "ListAccessKeys", "T1087.004")]
    [InlineData("iam.amazonaws.com", "ListAttachedGroupPolicies", "T1069.003")]
    [InlineData("s3.amazonaws.com", "GetBucketAcl", "T1619")]
    [InlineData("kms.amazonaws.com", "ListKeys", "T1526")]
    public void Normalize_UnlistedReadOnlyCall_GetsDiscoveryFamily(string source, string name, string technique)
    {
        var alert = Normalize(Record(source, name)).Alert!;
        Assert.Contains(alert.Mapping, m => m.Technique.Value == technique && m.Source == MappingSource.Curated && m.Confidence == CloudTrailMappings.FamilyConfidence);
        Assert.Equal(1, alert.Severity);
    }

    [Fact]
    public void Normalize_ReadOnlyFalse_OverridesVerbAndSkipsFamily()
    {
        var alert = Normalize(Record("example.amazonaws.com", "GetOrCreateThing", ""","readOnly":false""")).Alert!;
        Assert.Empty(alert.Techniques);
    }

    [Fact]
    public void Normalize_RunInstancesWithoutGpu_HasNoHijackingTechnique()
    {
        var alert = Normalize(Record("ec2.amazonaws.com", "RunInstances", ""","requestParameters":{"instanceType":"t3.micro"}""")).Alert!;
        Assert.Contains(alert.Techniques, t => t.Value == "T1578.002");
        Assert.DoesNotContain(alert.Techniques, t => t.Value == "T1496.001");
    }

    [Fact]
    public void Normalize_ServiceSourceIp_IsDropped()
    {
        var alert = Normalize(Record("kms.amazonaws.com", "Decrypt", ""","sourceIPAddress":"lambda.amazonaws.com" """)).Alert!;
        Assert.Null(alert.SourceIp);
    }

    [Fact]
    public void Normalize_AccountFallsBackToUserIdentity()
    {
        var alert = Normalize(Record("s3.amazonaws.com", "ListBuckets")).Alert!;
        Assert.Equal("111122223333", alert.Account);
        Assert.Equal(new RawRef("test.json", 7), alert.RawRef);
    }

    [Fact]
    public void Normalize_MissingEventTime_FailsNamingEventTime()
    {
        var r = Normalize("""{"eventVersion":"1.08","eventName":"ListBuckets","eventSource":"s3.amazonaws.com"}""");
        Assert.False(r.Succeeded);
        Assert.Equal("eventTime", r.Field);
        Assert.Contains("eventTime", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2024-13-45T99:00:00Z\"")]
    [InlineData("{}")]
    [InlineData("true")]
    public void Normalize_BadEventTime_FailsNamingEventTime(string value)
    {
        var r = Normalize($$"""{"eventVersion":"1.08","eventTime":{{value}},"eventName":"ListBuckets"}""");
        Assert.False(r.Succeeded);
        Assert.Equal("eventTime", r.Field);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("[\"ListBuckets\"]")]
    [InlineData("\"\"")]
    public void Normalize_EventNameNotAString_FailsNamingEventName(string value)
    {
        var r = Normalize($$"""{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventName":{{value}}}""");
        Assert.False(r.Succeeded);
        Assert.Equal("eventName", r.Field);
    }

    [Fact]
    public void Normalize_MissingEventName_FailsNamingEventName()
    {
        var r = Normalize("""{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z"}""");
        Assert.Equal("eventName", r.Field);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("12")]
    public void Normalize_NotAnObject_FailsWithoutThrowing(string json)
    {
        var r = Normalize(json);
        Assert.False(r.Succeeded);
        Assert.Equal("$", r.Field);
    }

    [Fact]
    public void Normalize_EventDataJsonString_IsUnwrapped()
    {
        var inner = JsonSerializer.Serialize(Record("s3.amazonaws.com", "ListBuckets"));
        var alert = Normalize($$"""{"eventData":{{inner}}}""").Alert!;
        Assert.Equal("ListBuckets", alert.Type);
    }

    [Fact]
    public void Normalize_MalformedEventDataJson_FailsNamingEventData()
    {
        var r = Normalize("""{"eventData":"{not json"}""");
        Assert.Equal("eventData", r.Field);
    }

    [Fact]
    public void Normalize_ReshippedWithBadTimestamp_FailsNamingTimestampField()
    {
        var r = Normalize("""{"eventVersion":"1.08","@timestamp":"soon","eventName":"ListBuckets"}""");
        Assert.Equal("@timestamp", r.Field);
    }

    [Theory]
    [InlineData("""{"eventVersion":"1.08","eventName":"ListBuckets","eventTime":"2024-01-01T00:00:00Z"}""", true)]
    [InlineData("""{"detail-type":"AWS API Call via CloudTrail","detail":{"eventVersion":"1.08","eventName":"X"}}""", true)]
    [InlineData("""[{"eventVersion":"1.09"},{"eventName":"X"}]""", true)]
    [InlineData("""{"eventVersion":"1.07","insightDetails":{}}""", true)]
    [InlineData("""{"schemaVersion":"2.0","type":"Recon:IAMUser/TorIPCaller","service":{}}""", false)]
    [InlineData("""[{"a":1},{"b":2}]""", false)]
    [InlineData("\"x\"", false)]
    public void Matches_Shapes_RecognizesCloudTrailOnly(string json, bool expected) =>
        Assert.Equal(expected, Matches(json));

    [Fact]
    public void Normalize_Concurrently_GivesTheSameResult()
    {
        var json = Record("iam.amazonaws.com", "AttachUserPolicy");
        var first = Normalize(json).Alert!;
        var results = new NormalizedAlert[64];
        Parallel.For(0, results.Length, i => results[i] = Normalize(json).Alert!);
        Assert.All(results, a => Assert.Equal(first.Techniques, a.Techniques));
    }
}
