using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Sources.Defender;

namespace CstmML.Ingestion.Tests.Sources.Defender;

public class DefenderSourceTests
{
    private static readonly string Dir = SourceGolden.FixtureDir();
    private readonly IAlertSource _source = DefenderSource.Instance;

    public static TheoryData<string> Cases => SourceGolden.Cases(Dir);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_Fixture_MatchesExpectedFile(string name) => SourceGolden.Verify(_source, Dir, name);

    [Theory]
    [InlineData("la-rbac-role-assignment")]
    [InlineData("arm-operation-from-suspicious-ip")]
    [InlineData("graph-alert-v2")]
    public void Matches_EachExportShape_True(string name) => Assert.True(_source.Matches(SourceGolden.Load(Dir, name)));

    [Fact]
    public void Matches_OtherProvidersRecords_False()
    {
        var claimed = SourceGolden.ForeignRecords("Defender").Where(r => _source.Matches(r.Record)).Select(r => r.Name).ToArray();
        Assert.Empty(claimed);
    }

    [Fact]
    public void Normalize_SameIdentityAcrossShapes_SamePrincipalAndAccount()
    {
        var la = Normalize("la-rbac-role-assignment");
        var arm = Normalize("arm-operation-from-suspicious-ip");
        var graph = Normalize("graph-alert-v2");
        Assert.Equal("azure:oid:3f2b9c1e-5d4a-4e8b-a7c6-1b2d3e4f5a6b", la.Principal);
        Assert.Equal(la.Principal, arm.Principal);
        Assert.Equal(la.Principal, graph.Principal);
        Assert.Equal("7f8a1c2d-3b4e-4f5a-9b6c-0d1e2f3a4b5c", la.Account);
        Assert.Equal(la.Account, arm.Account);
        Assert.Equal(la.Account, graph.Account);
    }

    [Fact]
    public void Normalize_NativeAndCuratedTechnique_NativeWins()
    {
        var la = Normalize("la-rbac-role-assignment");
        var m = Assert.Single(la.Mapping, x => x.Technique.Value == "T1098.003");
        Assert.Equal(MappingSource.Native, m.Source);
        Assert.Equal(DefenderMappings.NativeConfidence, m.Confidence);
    }

    [Fact]
    public void Normalize_NoNativeTechniques_UsesCuratedAlertType()
    {
        var kv = Normalize("la-keyvault-secrets-upn-only");
        Assert.Contains(kv.Mapping, m => m.Technique.Value == "T1555.006" && m.Source == MappingSource.Curated);
        Assert.DoesNotContain(kv.Mapping, m => m.Source == MappingSource.Native);

        // CTID names the alert's display name under the parent technique.
        Assert.Contains(kv.Mapping, m => m.Technique.Value == "T1555" && m.Source == MappingSource.Ctid);
        Assert.Equal("azure:upn:dave@contoso.com", kv.Principal);
        Assert.Equal(PrincipalTypes.User, kv.PrincipalType);
    }

    [Fact]
    public void Normalize_V19AndUnknownIds_CrosswalkedOrNoted()
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, "la-ctid-name-host"), new RawRef("t", 1));
        Assert.True(r.Succeeded);
        Assert.Contains(r.Alert!.Mapping, m => m.Technique.Value == "T1070.001" && m.Source == MappingSource.Native);
        Assert.Contains(r.Notes, n => n.Contains("T9999", StringComparison.Ordinal));
        Assert.Contains(r.Notes, n => n.Contains("PreAttack", StringComparison.Ordinal));
        Assert.Equal("azure:entity:web-vm-01", r.Alert.Principal);
    }

    [Theory]
    [InlineData("bad-missing-time", "StartTime")]
    [InlineData("bad-time-unparseable", "StartTime")]
    [InlineData("bad-severity", "properties.severity")]
    [InlineData("bad-techniques-not-array-la", "Techniques")]
    [InlineData("bad-techniques-not-array-arm", "properties.techniques")]
    [InlineData("bad-entities-not-json", "Entities")]
    public void Normalize_MalformedRecord_FailsNamingField(string name, string field)
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, name), new RawRef("t", 1));
        Assert.False(r.Succeeded);
        Assert.Equal(field, r.Field);
        Assert.False(string.IsNullOrWhiteSpace(r.Error));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"AlertName\":\"x\",\"AlertType\":7,\"SystemAlertId\":[],\"StartTime\":{},\"AlertSeverity\":null}")]
    [InlineData("{\"properties\":{\"alertType\":\"t\",\"startTimeUtc\":\"2026-01-01T00:00:00Z\",\"severity\":\"Low\",\"entities\":{\"a\":1}}}")]
    public void Normalize_StrangeJson_FailsWithoutThrowing(string json)
    {
        var r = _source.Normalize(JsonSerializer.Deserialize<JsonElement>(json), new RawRef("t", 1));
        Assert.False(r.Succeeded);
        Assert.NotNull(r.Error);
    }

    [Fact]
    public void KnownTypes_IncludeDocumentedAlertTypesAndCtidNames()
    {
        Assert.Contains(_source.KnownTypes, k => k.Type == "ARM_AnomalousRBACRoleAssignment" && k.Mappings.Any(m => m.Technique.Value == "T1098.003"));
        Assert.Contains(_source.KnownTypes, k => k.Type == "An event log was cleared" && k.Mappings.All(m => m.Source == MappingSource.Ctid));
        Assert.All(_source.KnownTypes, k => Assert.Equal(CloudProvider.Azure, k.Provider));
    }

    [Fact]
    public void Samples_EveryRecord_NormalizesAndOnePrincipalHasSeveralAlerts()
    {
        var alerts = SourceGolden.NormalizeSamples(_source, "defender");
        Assert.Equal(5, alerts.Length);
        var biggest = alerts.GroupBy(a => (a.Account, a.Principal)).MaxBy(g => g.Count())!;
        Assert.Equal(("7f8a1c2d-3b4e-4f5a-9b6c-0d1e2f3a4b5c", "azure:oid:3f2b9c1e-5d4a-4e8b-a7c6-1b2d3e4f5a6b"), biggest.Key);
        Assert.Equal(4, biggest.Count());
    }

    private NormalizedAlert Normalize(string name)
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, name), new RawRef(name, 1));
        Assert.True(r.Succeeded, r.Error);
        return r.Alert!;
    }
}
