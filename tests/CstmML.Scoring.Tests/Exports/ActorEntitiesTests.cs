using CstmML.Core.Attack;
using CstmML.Scoring.Exports;

namespace CstmML.Scoring.Tests.Exports;

public class ActorEntitiesTests
{
    [Theory]
    [InlineData("TeamTNT", "G0139")]
    [InlineData("Scattered Spider", "G1015")]
    [InlineData("Silk Typhoon", "G0125")]
    [InlineData("HAFNIUM", "G0125")]
    [InlineData("Kinsing", "S0599")]
    [InlineData("Pacu", "S1091")]
    [InlineData("teamtnt", "G0139")]
    [InlineData("UNC3944", "G1015")] // not in the table: found through the catalog's aliases
    public void TryResolve_KnownLabel_MapsToAttackEntity(string label, string id)
    {
        Assert.True(ActorEntities.TryResolve(AttackCatalog.Pinned, label, out var entity));
        Assert.Equal(id, entity.Id);
    }

    [Theory]
    [InlineData("SCARLETEEL")]
    [InlineData("EleKtra-Leak")]
    [InlineData("LLMjacking")]
    [InlineData("SES/SNS abuse")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData("Frankenstein")] // a campaign, not an actor
    public void TryResolve_LabelWithoutActorEntity_ReturnsFalse(string label)
    {
        Assert.False(ActorEntities.TryResolve(AttackCatalog.Pinned, label, out _));
    }

    [Fact]
    public void Table_EveryMappedId_ExistsInPinnedCatalog()
    {
        foreach (var (label, id) in ActorEntities.Table)
        {
            if (id is not null)
            {
                Assert.True(AttackCatalog.Pinned.TryGetEntity(id, out var e), $"{label} -> {id} is not in the catalog");
                Assert.NotEmpty(e.Techniques);
            }
        }
    }

    [Fact]
    public void Url_GroupAndSoftware_PointToTheirAttackPages()
    {
        Assert.True(AttackCatalog.Pinned.TryGetEntity("G0139", out var g));
        Assert.True(AttackCatalog.Pinned.TryGetEntity("S0599", out var s));
        Assert.Equal("https://attack.mitre.org/groups/G0139/", ActorEntities.Url(g));
        Assert.Equal("https://attack.mitre.org/software/S0599/", ActorEntities.Url(s));
    }
}
