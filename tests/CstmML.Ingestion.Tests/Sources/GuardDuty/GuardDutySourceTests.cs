using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Sources.GuardDuty;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Sources.GuardDuty;

public sealed class GuardDutySourceTests
{
    private static NormalizeResult Normalize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return GuardDutySource.Instance.Normalize(doc.RootElement, new RawRef("gd.json", 1, 3));
    }

    private static NormalizeResult NormalizeFixture(string name)
    {
        var path = RepoPath.Tests("Sources", "GuardDuty", "Fixtures", name + ".json");
        return Normalize(File.ReadAllText(path));
    }

    private static string Finding(string type = "Recon:IAMUser/TorIPCaller", string extra = "") =>
        $$$"""{"schemaVersion":"2.0","accountId":"111122223333","region":"eu-west-1","id":"f1","type":"{{{type}}}","severity":5.5,"updatedAt":"2024-02-01T00:00:00Z","resource":{"resourceType":"AccessKey","accessKeyDetails":{"userName":"root","userType":"Root","principalId":"111122223333"}}""" + extra + "}";

    [Fact]
    public void Normalize_AttackSequence_AddsNativeTechniquesAndNotesUnusableOnes()
    {
        var r = NormalizeFixture("attack_sequence_native");
        var alert = r.Alert!;
        Assert.Contains(alert.Mapping, m => m.Technique.Value == "T1526" && m.Source == MappingSource.Native);
        Assert.Contains(alert.Mapping, m => m.Technique.Value == "T1078.004" && m.Source == MappingSource.Native); // given by name
        Assert.Contains(alert.Mapping, m => m.Technique.Value == "T1562.008" && m.Source == MappingSource.Native); // v19 T1685.002
        Assert.Contains(TacticId.Parse("TA0007"), alert.Tactics);
        Assert.Contains(r.Notes, n => n.Contains("T9999", StringComparison.Ordinal));
        Assert.Contains(r.Notes, n => n.Contains("T1685.002", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_EventBridgeEnvelope_EqualsBareFinding()
    {
        var bare = NormalizeFixture("sample_iam_recon").Alert!;
        var wrapped = NormalizeFixture("eventbridge_envelope").Alert!;
        Assert.Equal(AlertJson.Serialize(bare with { RawRef = wrapped.RawRef }), AlertJson.Serialize(wrapped));
    }

    [Fact]
    public void Normalize_UnknownType_IsKeptUnmappedWithNote()
    {
        var r = NormalizeFixture("sample_ec2_canary");
        Assert.Empty(r.Alert!.Techniques);
        Assert.Contains(r.Notes, n => n.Contains("Canary:EC2/Stateless.IntegTest", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_RootAccessKey_IsRootPrincipal()
    {
        var alert = Normalize(Finding()).Alert!;
        Assert.Equal("arn:aws:iam::111122223333:root", alert.Principal);
        Assert.Equal(PrincipalTypes.Root, alert.PrincipalType);
        Assert.Equal(5.5, alert.Severity);
        Assert.Equal(DateTimeOffset.Parse("2024-02-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), alert.Time);
    }

    [Fact]
    public void Normalize_MissingSeverity_UsesTypeDefaultWithNote()
    {
        var json = Finding("Stealth:IAMUser/CloudTrailLoggingDisabled").Replace("\"severity\":5.5,", string.Empty, StringComparison.Ordinal);
        var r = Normalize(json);
        Assert.Equal(2, r.Alert!.Severity); // documented default: Low
        Assert.Contains(r.Notes, n => n.Contains("severity", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_SeverityOutOfRange_IsClamped() =>
        Assert.Equal(10, Normalize(Finding().Replace("5.5", "42", StringComparison.Ordinal)).Alert!.Severity);

    [Fact]
    public void Normalize_UserAgentString_IsRead()
    {
        var alert = Normalize(Finding(extra: ""","service":{"additionalInfo":{"userAgent":"Boto3/1.28"}}""")).Alert!;
        Assert.Equal("Boto3/1.28", alert.UserAgent);
    }

    [Fact]
    public void Normalize_PortProbe_ReadsFirstProbeRemoteIp()
    {
        var alert = Normalize(Finding("Recon:EC2/PortProbeUnprotectedPort",
            ""","service":{"action":{"portProbeAction":{"portProbeDetails":[{"remoteIpDetails":{"ipAddressV4":"203.0.113.5"}}]}}}""")).Alert!;
        Assert.Equal("203.0.113.5", alert.SourceIp);
    }

    [Fact]
    public void Normalize_NoIdentity_UsesResourceTypeAndId()
    {
        var alert = Normalize("""{"schemaVersion":"2.0","id":"x","type":"Execution:Runtime/ReverseShell","updatedAt":"2024-01-01T00:00:00Z","resource":{"resourceType":"EKSCluster","eksClusterDetails":{"name":"prod"}}}""").Alert!;
        Assert.Equal("EKSCluster:prod", alert.Principal);
        Assert.Equal(PrincipalTypes.Unknown, alert.PrincipalType);
        Assert.Contains(alert.Techniques, t => t.Value == "T1059.004");
    }

    [Fact]
    public void Normalize_TimePrecedence_PrefersEventLastSeen()
    {
        var alert = Normalize(Finding(extra: ""","createdAt":"2024-01-01T00:00:00Z","service":{"eventLastSeen":"2024-01-31T12:00:00Z"}""")).Alert!;
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.Zero), alert.Time);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), alert.Ingested);
    }

    [Fact]
    public void Normalize_MissingType_FailsNamingType()
    {
        var r = Normalize("""{"schemaVersion":"2.0","updatedAt":"2024-01-01T00:00:00Z"}""");
        Assert.False(r.Succeeded);
        Assert.Equal("type", r.Field);
    }

    [Fact]
    public void Normalize_EnvelopeMissingType_FailsNamingDetailType()
    {
        var r = Normalize("""{"detail-type":"GuardDuty Finding","detail":{"schemaVersion":"2.0","type":7}}""");
        Assert.Equal("detail.type", r.Field);
    }

    [Fact]
    public void Normalize_BadEventLastSeen_FailsNamingIt()
    {
        var r = Normalize(Finding(extra: ""","service":{"eventLastSeen":"last tuesday"}"""));
        Assert.False(r.Succeeded);
        Assert.Equal("service.eventLastSeen", r.Field);
    }

    [Fact]
    public void Normalize_NoTimeAtAll_FailsNamingUpdatedAt()
    {
        var r = Normalize("""{"schemaVersion":"2.0","type":"Recon:IAMUser/TorIPCaller"}""");
        Assert.Equal("updatedAt", r.Field);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"finding\"")]
    [InlineData("null")]
    public void Normalize_NotAnObject_FailsWithoutThrowing(string json)
    {
        var r = Normalize(json);
        Assert.False(r.Succeeded);
        Assert.Equal("$", r.Field);
    }

    [Theory]
    [InlineData("""{"schemaVersion":"2.0","type":"Recon:IAMUser/TorIPCaller","service":{}}""", true)]
    [InlineData("""{"detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{"schemaVersion":"2.0","type":"X","resource":{}}}""", true)]
    [InlineData("""{"eventVersion":"1.08","eventName":"ListBuckets"}""", false)]
    [InlineData("[]", false)]
    public void Matches_Shapes_RecognizesGuardDutyOnly(string json, bool expected)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(expected, GuardDutySource.Instance.Matches(doc.RootElement));
    }
}
