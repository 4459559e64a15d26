using CstmML.Core.Alerts;

namespace CstmML.Core.Tests.Alerts;

public class TechniqueIdTests
{
    [Theory]
    [InlineData("T1078", "T1078", false)]
    [InlineData(" t1078.004 ", "T1078.004", true)]
    public void TryParse_ValidIds_AreCanonical(string raw, string expected, bool sub)
    {
        Assert.True(TechniqueId.TryParse(raw, out var id));
        Assert.Equal(expected, id.Value);
        Assert.Equal(sub, id.IsSubTechnique);
    }

    [Theory]
    [InlineData("T107")]
    [InlineData("T1078.04")]
    [InlineData("X1078")]
    [InlineData("T1078-004")]
    [InlineData("")]
    public void TryParse_Malformed_Fails(string raw) => Assert.False(TechniqueId.TryParse(raw, out _));

    [Fact]
    public void IsWithin_SubTechniqueMatchesParentButNotSibling()
    {
        var sub = TechniqueId.Parse("T1552.005");
        Assert.True(sub.IsWithin(TechniqueId.Parse("T1552")));
        Assert.True(sub.IsWithin(sub));
        Assert.False(sub.IsWithin(TechniqueId.Parse("T1552.001")));
        Assert.False(TechniqueId.Parse("T1552").IsWithin(sub));
        Assert.Equal("T1552", sub.Parent.Value);
    }

    [Fact]
    public void Parse_Malformed_ThrowsWithTheText()
    {
        var ex = Assert.Throws<FormatException>(() => TechniqueId.Parse("bogus"));
        Assert.Contains("bogus", ex.Message, StringComparison.Ordinal);
    }
}
