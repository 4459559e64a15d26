using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Text;
using CstmML.Ingestion.Sources.Defender;

namespace CstmML.Ingestion.Tests.Sources.Defender;

public class DefenderMappingsTests
{
    [Fact]
    public void AlertTypes_EveryCuratedTechnique_IsLiveInPinnedCatalog()
    {
        var rows = EmbeddedCsv.ReadRows(typeof(DefenderMappings).Assembly, DefenderMappings.AlertTypesResource).ToArray();
        Assert.Equal(46, rows.Length);
        foreach (var r in rows)
        {
            foreach (var t in r["techniques"].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(TechniqueId.TryParse(t, out var id) && AttackCatalog.Pinned.Contains(id), $"{r["alert_type"]}: {t}");
            }

            foreach (var tactic in r["tactics"].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(AttackCatalog.Pinned.TryResolveTactic(tactic, out _), $"{r["alert_type"]}: {tactic}");
            }
        }
    }

    [Fact]
    public void CtidNames_EveryTechnique_NormalizesToPinnedCatalog()
    {
        var rows = EmbeddedCsv.ReadRows(typeof(DefenderMappings).Assembly, DefenderMappings.CtidResource).ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(AttackCatalog.Pinned.Normalize(r["technique_id"]).Succeeded, r["technique_id"]));
    }

    [Theory]
    [InlineData("Informational", 1)]
    [InlineData("low", 3)]
    [InlineData("MEDIUM", 5)]
    [InlineData("High", 8)]
    [InlineData("critical", 10)]
    public void Severity_KnownName_MapsToScale(string text, double expected) => Assert.Equal(expected, DefenderMappings.Severity(text));

    [Theory]
    [InlineData(null)]
    [InlineData("Severe")]
    [InlineData("unknownFutureValue")]
    public void Severity_UnknownName_Null(string? text) => Assert.Null(DefenderMappings.Severity(text));

    [Theory]
    [InlineData("significant", 0.6)]
    [InlineData("partial", 0.5)]
    [InlineData("minimal", 0.4)]
    public void CtidConfidence_Score_BelowNative(string score, double expected)
    {
        Assert.Equal(expected, DefenderMappings.CtidConfidence(score));
        Assert.True(expected < DefenderMappings.NativeConfidence);
    }
}
