using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Sources.Prisma;

namespace CstmML.Ingestion.Tests.Sources.Prisma;

public class PrismaSourceTests
{
    private static readonly string Dir = SourceGolden.FixtureDir();
    private readonly IAlertSource _source = PrismaSource.Instance;

    public static TheoryData<string> Cases => SourceGolden.Cases(Dir);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_Fixture_MatchesExpectedFile(string name) => SourceGolden.Verify(_source, Dir, name);

    [Fact]
    public void Matches_OtherProvidersRecords_False()
    {
        var claimed = SourceGolden.ForeignRecords("Prisma").Where(r => _source.Matches(r.Record)).Select(r => r.Name).ToArray();
        Assert.Empty(claimed);
    }

    [Fact]
    public void Normalize_AssumedRoleInAuditEvent_RoleArnAndSession()
    {
        var a = Normalize("audit-event-aws-stop-logging");
        Assert.Equal("arn:aws:iam::123456789012:role/OpsAdmin", a.Principal);
        Assert.Equal("mallory", a.SessionName);
        Assert.Equal(PrincipalTypes.Role, a.PrincipalType);
        Assert.Equal("123456789012", a.Account);
        Assert.Equal("aws", a.Service);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1773587405000), a.Time);
    }

    [Fact]
    public void Normalize_MitreComplianceMetadata_NativeTechniqueAndTactic()
    {
        var a = Normalize("audit-event-aws-stop-logging");
        var m = Assert.Single(a.Mapping);
        Assert.Equal("T1562.008", m.Technique.Value);
        Assert.Equal(MappingSource.Native, m.Source);
        Assert.Equal(PrismaMappings.ComplianceConfidence, m.Confidence);
        Assert.Contains(a.Tactics, t => t.Value == "TA0005");
    }

    [Fact]
    public void Normalize_AzureAndGcpCallers_UseProviderCanonicalForms()
    {
        Assert.Equal("azure:oid:3f2b9c1e-5d4a-4e8b-a7c6-1b2d3e4f5a6b", Normalize("audit-event-azure-role-assignment").Principal);
        Assert.Equal("user:mallory@example.com", Normalize("audit-event-gcp-iam").Principal);
    }

    [Fact]
    public void Normalize_NoIdentity_ResourcePrincipal()
    {
        var a = Normalize("config-azure-storage-public");
        Assert.Equal("prisma:resource:rrn::storageAccount:westeurope:7f8a1c2d-3b4e-4f5a-9b6c-0d1e2f3a4b5c:contosopublicweb", a.Principal);
        Assert.Empty(a.Techniques);
    }

    [Fact]
    public void Normalize_NonDetailedAlert_PolicyIdTypeAndSeverityNote()
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, "list-nondetailed"), new RawRef("t", 1));
        Assert.True(r.Succeeded, r.Error);
        Assert.Equal("b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e", r.Alert!.Type);
        Assert.Equal(0, r.Alert.Severity);
        Assert.Contains(r.Notes, n => n.Contains("severity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bad-alerttime", "alertTime")]
    [InlineData("bad-severity", "policy.severity")]
    [InlineData("bad-compliance-not-array", "policy.complianceMetadata")]
    public void Normalize_MalformedRecord_FailsNamingField(string name, string field)
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, name), new RawRef("t", 1));
        Assert.False(r.Succeeded);
        Assert.Equal(field, r.Field);
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("{\"policy\":{},\"resource\":{},\"alertTime\":-5}")]
    [InlineData("{\"policy\":{\"severity\":\"low\"},\"resource\":{},\"alertTime\":1773500000000}")]
    public void Normalize_StrangeJson_FailsWithoutThrowing(string json)
    {
        var r = _source.Normalize(JsonSerializer.Deserialize<JsonElement>(json), new RawRef("t", 1));
        Assert.False(r.Succeeded);
        Assert.NotNull(r.Error);
    }

    [Fact]
    public void Samples_EveryRecord_NormalizesAndOnePrincipalHasSeveralAlerts()
    {
        var alerts = SourceGolden.NormalizeSamples(_source, "prisma");
        Assert.Equal(5, alerts.Length);
        Assert.Equal(2, alerts.Count(a => a.Account == "123456789012" && a.Principal == "arn:aws:iam::123456789012:role/OpsAdmin"));
    }

    private NormalizedAlert Normalize(string name)
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, name), new RawRef(name, 1));
        Assert.True(r.Succeeded, r.Error);
        return r.Alert!;
    }
}
