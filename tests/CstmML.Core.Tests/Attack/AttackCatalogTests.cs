using CstmML.Core.Alerts;
using CstmML.Core.Attack;

namespace CstmML.Core.Tests.Attack;

public class AttackCatalogTests
{
    private static readonly AttackCatalog Catalog = AttackCatalog.Pinned;

    [Fact]
    public void Pinned_LoadsEveryTacticInKillChainOrder()
    {
        Assert.Equal("18.1", AttackCatalog.PinnedVersion);
        Assert.Equal(14, Catalog.Tactics.Count);
        Assert.Equal("TA0043", Catalog.Tactics[0].Id.Value);
        Assert.Equal("TA0040", Catalog.Tactics[^1].Id.Value);
        Assert.Equal(Enumerable.Range(1, 14), Catalog.Tactics.Select(t => t.Order));
    }

    [Fact]
    public void Pinned_LoadsAllLiveTechniques()
    {
        Assert.Equal(691, Catalog.Techniques.Count());
        Assert.True(Catalog.TryGetTechnique(TechniqueId.Parse("T1552.005"), out var t));
        Assert.Equal("Cloud Instance Metadata API", t.Name);
        Assert.Equal(TechniqueId.Parse("T1552"), t.Parent);
        Assert.Equal(["TA0006"], t.Tactics.Select(x => x.Value));
        Assert.True(t.CloudRelevant);
    }

    [Fact]
    public void Normalize_CurrentId_IsKept()
    {
        var n = Catalog.Normalize("t1078.004");
        Assert.Equal(TechniqueNormalizationStatus.Current, n.Status);
        Assert.Equal("T1078.004", n.Id?.Value);
    }

    [Fact]
    public void Normalize_RevokedId_FollowsReplacement()
    {
        var n = Catalog.Normalize("T1066");
        Assert.Equal(TechniqueNormalizationStatus.Revoked, n.Status);
        Assert.Equal("T1027.005", n.Id?.Value);
        Assert.Contains("T1066", n.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T1685.002", "T1562.008")] // Disable or Modify Cloud Log
    [InlineData("T1685", "T1562.001")]     // most re-tagged pairing wins
    [InlineData("T1686.001", "T1562.007")] // Cloud Firewall
    public void Normalize_V19Id_MapsBackThroughCrosswalk(string v19, string pinned)
    {
        var n = Catalog.Normalize(v19);
        Assert.Equal(TechniqueNormalizationStatus.Crosswalked, n.Status);
        Assert.Equal(pinned, n.Id?.Value);
    }

    [Fact]
    public void Normalize_UnknownSubTechniqueOfKnownParent_Generalizes()
    {
        var n = Catalog.Normalize("T1078.999");
        Assert.Equal(TechniqueNormalizationStatus.Generalized, n.Status);
        Assert.Equal("T1078", n.Id?.Value);
    }

    [Theory]
    [InlineData("T9999", TechniqueNormalizationStatus.Unknown)]
    [InlineData("TA0001", TechniqueNormalizationStatus.Invalid)]
    [InlineData("", TechniqueNormalizationStatus.Invalid)]
    [InlineData(null, TechniqueNormalizationStatus.Invalid)]
    public void Normalize_Unusable_FailsWithNote(string? raw, TechniqueNormalizationStatus status)
    {
        var n = Catalog.Normalize(raw);
        Assert.Equal(status, n.Status);
        Assert.Null(n.Id);
        Assert.False(string.IsNullOrEmpty(n.Note));
    }

    [Fact]
    public void Normalize_DeprecatedWithoutReplacement_IsNotKept()
    {
        var deprecated = Catalog.Normalize("T1153");
        Assert.Null(deprecated.Id);
        Assert.Equal(TechniqueNormalizationStatus.Deprecated, deprecated.Status);
    }

    [Theory]
    [InlineData("TA0007", "TA0007")]
    [InlineData("discovery", "TA0007")]
    [InlineData("Defense Evasion", "TA0005")]
    [InlineData("DefenseEvasion", "TA0005")]
    [InlineData("PreAttack-ish", null)]
    [InlineData("Stealth", "TA0005")]
    [InlineData("Defense Impairment", "TA0005")]
    [InlineData("CREDENTIAL_ACCESS", "TA0006")]
    public void TryResolveTactic_AcceptsEverySpelling(string raw, string? expected)
    {
        var ok = Catalog.TryResolveTactic(raw, out var t);
        Assert.Equal(expected is not null, ok);
        Assert.Equal(expected, t?.Id.Value);
    }

    [Fact]
    public void TacticsOf_ReturnsDistinctTacticsInKillChainOrder()
    {
        var tactics = Catalog.TacticsOf([TechniqueId.Parse("T1530"), TechniqueId.Parse("T1580"), TechniqueId.Parse("T1078.004")]);
        Assert.Equal(["TA0001", "TA0003", "TA0004", "TA0005", "TA0007", "TA0009"], tactics.Select(t => t.Value));
    }

    [Fact]
    public void TryGetEntity_FindsGroupsByIdNameAndAlias()
    {
        Assert.True(Catalog.TryGetEntity("G0139", out var teamTnt));
        Assert.Equal("TeamTNT", teamTnt.Name);
        Assert.Contains(TechniqueId.Parse("T1552.005"), teamTnt.Techniques);
        Assert.True(Catalog.TryGetEntity("Scattered Spider", out var ss));
        Assert.Equal("G1015", ss.Id);
        Assert.True(Catalog.TryGetEntity("S0599", out var kinsing));
        Assert.Equal("Kinsing", kinsing.Name);
    }
}
