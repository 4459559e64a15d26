using CstmML.Features.Sequencing;

namespace CstmML.Features.Tests.Sequencing;

public class SequencerOptionsTests
{
    [Fact]
    public void Ctor_Defaults_AreTheDocumentedValues()
    {
        var o = new SequencerOptions();
        Assert.Equal(TimeSpan.FromHours(1), o.MaxGap);
        Assert.Equal(TimeSpan.FromHours(24), o.MaxSpan);
        Assert.Equal(TimeSpan.FromMinutes(15), o.Lateness);
        Assert.Equal(TimeSpan.FromHours(1), o.ReopenHorizon);
    }

    [Theory]
    [InlineData("MaxGap", "MaxGap must be positive.")]
    [InlineData("MaxSpan", "MaxSpan must be positive.")]
    [InlineData("Lateness", "Lateness must not be negative.")]
    [InlineData("ReopenHorizon", "ReopenHorizon must not be negative.")]
    public void Validate_BadValue_NamesTheOption(string name, string message)
    {
        var o = name switch
        {
            "MaxGap" => new SequencerOptions { MaxGap = TimeSpan.Zero },
            "MaxSpan" => new SequencerOptions { MaxSpan = TimeSpan.FromSeconds(-1) },
            "Lateness" => new SequencerOptions { Lateness = TimeSpan.FromSeconds(-1) },
            _ => new SequencerOptions { ReopenHorizon = TimeSpan.FromSeconds(-1) },
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => o.Validate());
        Assert.Equal(name, ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }
}
