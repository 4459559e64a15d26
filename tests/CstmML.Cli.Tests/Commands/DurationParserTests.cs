using CstmML.Cli.Commands;

namespace CstmML.Cli.Tests.Commands;

public class DurationParserTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1h", 3600)]
    [InlineData("1.5h", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("01:02:03", 3723)]
    [InlineData("1:00:00", 3600)]
    [InlineData("0s", 0)]
    public void TryParse_AcceptedForms_GiveSeconds(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("5w")]
    [InlineData("-5m")]
    [InlineData("h")]
    [InlineData("1e308d")]
    [InlineData("25:99:00")]
    public void TryParse_OtherText_IsFalse(string text) => Assert.False(DurationParser.TryParse(text, out _));
}
