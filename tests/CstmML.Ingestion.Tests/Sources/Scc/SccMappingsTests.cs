using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Text;
using CstmML.Ingestion.Sources.Scc;

namespace CstmML.Ingestion.Tests.Sources.Scc;

public class SccMappingsTests
{
    [Fact]
    public void Categories_EveryCuratedTechniqueAndTactic_IsLiveInPinnedCatalog()
    {
        var rows = EmbeddedCsv.ReadRows(typeof(SccMappings).Assembly, SccMappings.CategoriesResource).ToArray();
        Assert.Equal(137, rows.Length);
        foreach (var r in rows)
        {
            foreach (var t in r["techniques"].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(TechniqueId.TryParse(t, out var id) && AttackCatalog.Pinned.Contains(id), $"{r["category"]}: {t}");
            }

            Assert.True(r["tactic"].Length == 0 || AttackCatalog.Pinned.TryResolveTactic(r["tactic"], out _), r["category"]);
        }
    }

    [Fact]
    public void Enum_EveryName_ResolvesToPinnedId()
    {
        var rows = EmbeddedCsv.ReadRows(typeof(SccMappings).Assembly, SccMappings.EnumResource).ToArray();
        Assert.True(rows.Length > 140);
        foreach (var r in rows)
        {
            var ok = r["kind"] == "tactic"
                ? AttackCatalog.Pinned.TryResolveTactic(r["attack_id"], out _)
                : AttackCatalog.Pinned.Normalize(r["attack_id"]).Succeeded;
            Assert.True(ok, $"{r["enum_name"]} -> {r["attack_id"]}");
        }
    }

    [Theory]
    [InlineData("ADDITIONAL_CLOUD_CREDENTIALS", "T1098.001")]
    [InlineData("account_manipulation", "T1098")]
    [InlineData("CONTAINER_ADMINISTRATION_COMMAND", "T1609")]
    [InlineData("PRIVILEGE_ESCALATION", "TA0004")]
    [InlineData("T1552.005", "T1552.005")]
    public void Resolve_NameOrId_AttackId(string input, string expected) => Assert.Equal(expected, SccMappings.Default.Resolve(input));

    [Theory]
    [InlineData("NOT_A_TECHNIQUE")]
    [InlineData("")]
    [InlineData(null)]
    public void Resolve_Unknown_Null(string? input) => Assert.Null(SccMappings.Default.Resolve(input));

    [Theory]
    [InlineData("LOW", 3)]
    [InlineData("MEDIUM", 5)]
    [InlineData("HIGH", 8)]
    [InlineData("CRITICAL", 10)]
    [InlineData("SEVERITY_UNSPECIFIED", 0)]
    [InlineData(null, 0)]
    [InlineData("2", 8)]
    public void Severity_KnownValue_MapsToScale(string? text, double expected) => Assert.Equal(expected, SccMappings.Severity(text));

    [Fact]
    public void Severity_UnknownValue_Null() => Assert.Null(SccMappings.Severity("SEVERE"));

    [Fact]
    public void KnownTypes_CoverEveryCategory()
    {
        Assert.Equal(137, SccMappings.Default.KnownTypes.Count);
        Assert.All(SccMappings.Default.KnownTypes, k => Assert.All(k.Mappings, m => Assert.Equal(MappingSource.Curated, m.Source)));
    }
}
