using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Text;
using CstmML.Ingestion.Sources.GuardDuty;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Sources.GuardDuty;

public sealed class GuardDutyMappingsTests
{
    private static IReadOnlyDictionary<string, string>[] ReferenceTypes()
    {
        using var reader = new StreamReader(RepoPath.Combine("training-data", "reference", "guardduty", "finding_types.csv"));
        return EmbeddedCsv.ReadRows(reader).ToArray();
    }

    [Fact]
    public void Default_EveryActiveFindingType_MapsToAtLeastOneTechnique()
    {
        var active = ReferenceTypes().Where(r => r["status"] == GuardDutyMappings.ActiveStatus).Select(r => r["finding_type"]).ToArray();
        Assert.True(active.Length >= 190, $"only {active.Length} active types read");
        var missing = active.Where(t => GuardDutyMappings.Default.Find(t) is not { Techniques.Count: > 0 }).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Default_EveryReferenceType_IsKnown()
    {
        var known = GuardDutyMappings.Default.KnownTypes.Select(k => k.Type).ToHashSet(StringComparer.Ordinal);
        Assert.All(ReferenceTypes(), r => Assert.Contains(r["finding_type"], known));
    }

    [Fact]
    public void Table_EveryTechnique_IsLiveInThePinnedCatalog()
    {
        var rows = EmbeddedCsv.ReadRows(typeof(GuardDutyMappings).Assembly, GuardDutyMappings.ResourceName).ToArray();
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            var id = TechniqueId.Parse(r["technique_id"]);
            Assert.True(AttackCatalog.Pinned.Contains(id), $"{r["finding_type"]}: {id} is not live in ATT&CK {AttackCatalog.PinnedVersion}");
            Assert.NotEqual(MappingSource.Native, Enum.Parse<MappingSource>(r["source"], ignoreCase: true));
        }
    }

    [Fact]
    public void Table_PurposeFallback_IsWeakerThanTypeSpecificRows()
    {
        var rows = EmbeddedCsv.ReadRows(typeof(GuardDutyMappings).Assembly, GuardDutyMappings.ResourceName).ToArray();
        double Conf(IReadOnlyDictionary<string, string> r) => double.Parse(r["confidence"], System.Globalization.CultureInfo.InvariantCulture);
        var fallback = rows.Where(r => r["rule"].StartsWith("purpose:", StringComparison.Ordinal)).Select(Conf).DefaultIfEmpty(0).Max();
        var specific = rows.Where(r => !r["rule"].StartsWith("purpose:", StringComparison.Ordinal)).Select(Conf).Min();
        Assert.True(fallback < specific, $"fallback {fallback} >= specific {specific}");
    }

    [Theory]
    [InlineData("CryptoCurrency:EC2/BitcoinTool.B!DNS", "T1496")]
    [InlineData("Stealth:IAMUser/CloudTrailLoggingDisabled", "T1562.008")]
    [InlineData("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", "T1552.005")]
    [InlineData("Backdoor:Runtime/C&CActivity.B", "T1071.001")]
    [InlineData("PrivilegeEscalation:Runtime/RuncContainerEscape", "T1611")]
    public void Find_RepresentativeTypes_HaveExpectedTechnique(string type, string technique) =>
        Assert.Contains(GuardDutyMappings.Default.Find(type)!.Techniques, t => t.Value == technique);

    [Theory]
    [InlineData("Low", 2)]
    [InlineData("Medium", 5)]
    [InlineData("High", 8)]
    [InlineData("Critical", 9)]
    [InlineData("", 0)]
    public void SeverityOf_Bands_MapToNumbers(string band, double expected) =>
        Assert.Equal(expected, GuardDutyMappings.SeverityOf(band));
}
