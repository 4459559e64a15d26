using CstmML.Playbooks.Loading;

namespace CstmML.Playbooks.Tests.Loading;

public class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData(" 1h ", 3600)]
    public void TryParse_ValidText_ReturnsSeconds(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromSeconds(seconds), d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("m")]
    [InlineData(null)]
    public void TryParse_InvalidText_False(string? text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public void Format_RoundTrips() => Assert.Equal("1h30m", DurationText.Format(TimeSpan.FromMinutes(90)));
}
