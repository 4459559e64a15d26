using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Sources.Scc;

namespace CstmML.Ingestion.Tests.Sources.Scc;

public class SccSourceTests
{
    private static readonly string Dir = SourceGolden.FixtureDir();
    private readonly IAlertSource _source = SccSource.Instance;

    public static TheoryData<string> Cases => SourceGolden.Cases(Dir);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_Fixture_MatchesExpectedFile(string name) => SourceGolden.Verify(_source, Dir, name);

    [Theory]
    [InlineData("list-result-iam-anomalous-grant")]
    [InlineData("notification-dormant-sa-key")]
    [InlineData("pubsub-push-bigquery-exfil")]
    [InlineData("bare-finding-container-runtime")]
    [InlineData("bare-finding-principal-subject")]
    public void Matches_EachShape_True(string name) => Assert.True(_source.Matches(SourceGolden.Load(Dir, name)));

    [Fact]
    public void Matches_OtherProvidersRecords_False()
    {
        var claimed = SourceGolden.ForeignRecords("Scc").Where(r => _source.Matches(r.Record)).Select(r => r.Name).ToArray();
        Assert.Empty(claimed);
    }

    [Fact]
    public void Matches_PushEnvelopeOfOtherPayload_False()
    {
        var data = Convert.ToBase64String("{\"hello\":\"world\"}"u8.ToArray());
        var push = JsonSerializer.Deserialize<JsonElement>($"{{\"message\":{{\"data\":\"{data}\",\"messageId\":\"1\"}},\"subscription\":\"projects/p/subscriptions/s\"}}");
        Assert.False(_source.Matches(push));
    }

    [Fact]
    public void Normalize_AllShapesOfOneProject_SameAccountAndPrincipal()
    {
        var alerts = new[] { "list-result-iam-anomalous-grant", "notification-dormant-sa-key", "pubsub-push-bigquery-exfil" }.Select(Normalize).ToArray();
        Assert.All(alerts, a => Assert.Equal("482913457001", a.Account));
        Assert.All(alerts, a => Assert.Equal("user:mallory@example.com", a.Principal));
        Assert.All(alerts, a => Assert.Equal(PrincipalTypes.User, a.PrincipalType));
    }

    [Fact]
    public void Normalize_EnumNames_ResolvedToIdsAsNative()
    {
        var a = Normalize("list-result-iam-anomalous-grant");
        Assert.Contains(a.Mapping, m => m.Technique.Value == "T1098" && m.Source == MappingSource.Native && m.Confidence == SccMappings.PrimaryConfidence);
        Assert.Contains(a.Mapping, m => m.Technique.Value == "T1098.003" && m.Source == MappingSource.Native && m.Confidence == SccMappings.AdditionalConfidence);
    }

    [Fact]
    public void Normalize_UnknownEnumName_BecomesNote()
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, "bare-finding-container-runtime"), new RawRef("t", 1));
        Assert.True(r.Succeeded, r.Error);
        Assert.Contains(r.Notes, n => n.Contains("SOME_FUTURE_TECHNIQUE", StringComparison.Ordinal));
        Assert.StartsWith(SccFields.ResourcePrincipalPrefix, r.Alert!.Principal, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_PrincipalSubjectServiceAccount_LowerCasedServiceAccount()
    {
        var a = Normalize("bare-finding-principal-subject");
        Assert.Equal("serviceAccount:etl-runner@prod-data-7.iam.gserviceaccount.com", a.Principal);
        Assert.Equal(PrincipalTypes.ServiceAccount, a.PrincipalType);
        Assert.Equal("482913457001", a.Account);
        Assert.Contains(a.Mapping, m => m.Technique.Value == "T1098.004" && m.Source == MappingSource.Curated);
    }

    [Theory]
    [InlineData("bad-missing-time", "finding.eventTime")]
    [InlineData("bad-severity", "severity")]
    [InlineData("bad-techniques-not-array", "finding.mitreAttack.primaryTechniques")]
    [InlineData("bad-pubsub-not-base64", "message.data")]
    [InlineData("bad-pubsub-not-json", "message.data")]
    public void Normalize_MalformedRecord_FailsNamingField(string name, string field)
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, name), new RawRef("t", 1));
        Assert.False(r.Succeeded);
        Assert.Equal(field, r.Field);
        Assert.False(string.IsNullOrWhiteSpace(r.Error));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("{\"finding\":[1]}")]
    [InlineData("{\"message\":{\"data\":12}}")]
    [InlineData("{\"message\":{\"data\":\"WzEsMl0=\"}}")]
    [InlineData("{\"category\":\"x\",\"eventTime\":true,\"parent\":\"p\"}")]
    public void Normalize_StrangeJson_FailsWithoutThrowing(string json)
    {
        var r = _source.Normalize(JsonSerializer.Deserialize<JsonElement>(json), new RawRef("t", 1));
        Assert.False(r.Succeeded);
        Assert.NotNull(r.Error);
    }

    [Fact]
    public void Samples_EveryRecord_NormalizesAndOnePrincipalHasSeveralAlerts()
    {
        var alerts = SourceGolden.NormalizeSamples(_source, "scc");
        Assert.Equal(4, alerts.Length);
        Assert.Equal(3, alerts.Count(a => a.Account == "482913457001" && a.Principal == "user:mallory@example.com"));
    }

    private NormalizedAlert Normalize(string name)
    {
        var r = _source.Normalize(SourceGolden.Load(Dir, name), new RawRef(name, 1));
        Assert.True(r.Succeeded, r.Error);
        return r.Alert!;
    }
}
