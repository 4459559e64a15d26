using CstmML.Host.Configuration;

namespace CstmML.Host.Tests.Configuration;

public sealed class ScoringHostOptionsValidatorTests
{
    [Fact]
    public void Defaults_WarmupAndStreamScoring_AsDocumented()
    {
        var o = new ScoringHostOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(300), o.WarmupBudget);
        Assert.Equal(0, o.StreamScoringThreads);
    }

    [Fact]
    public void Defaults_RescorePolicy_AsDocumented()
    {
        var o = new ScoringHostOptions();

        Assert.Equal(0.25, o.RescoreGrowth);
        Assert.Equal(TimeSpan.FromSeconds(5), o.RescoreInterval);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(101)]
    public void Validate_RescoreGrowthOutOfRange_NamesTheKey(double growth)
    {
        var result = new ScoringHostOptionsValidator().Validate(null, Valid(o => o.RescoreGrowth = growth));

        Assert.True(result.Failed);
        Assert.Contains("ScoringHost:RescoreGrowth must be within 0..100 (0 = re-score on every new alert).", result.Failures!);
    }

    [Fact]
    public void Validate_ZeroRescoreInterval_NamesTheKey()
    {
        var result = new ScoringHostOptionsValidator().Validate(null, Valid(o => o.RescoreInterval = TimeSpan.Zero));

        Assert.True(result.Failed);
        Assert.Contains("ScoringHost:RescoreInterval must be positive.", result.Failures!);
    }

    [Fact]
    public void Validate_NegativeWarmupBudget_NamesTheKey()
    {
        var result = new ScoringHostOptionsValidator().Validate(null, Valid(o => o.WarmupBudget = TimeSpan.FromSeconds(-1)));

        Assert.True(result.Failed);
        Assert.Contains("ScoringHost:WarmupBudget must not be negative.", result.Failures!);
    }

    [Fact]
    public void Validate_NegativeStreamScoringThreads_NamesTheKey()
    {
        var result = new ScoringHostOptionsValidator().Validate(null, Valid(o => o.StreamScoringThreads = -1));

        Assert.True(result.Failed);
        Assert.Contains("ScoringHost:StreamScoringThreads must not be negative (0 = one per core).", result.Failures!);
    }

    [Fact]
    public void Validate_ZeroWarmupAndThreads_Succeeds()
    {
        var result = new ScoringHostOptionsValidator().Validate(null, Valid(o => (o.WarmupBudget, o.StreamScoringThreads) = (TimeSpan.Zero, 0)));

        Assert.True(result.Succeeded);
    }

    private static ScoringHostOptions Valid(Action<ScoringHostOptions> change)
    {
        var o = new ScoringHostOptions { ModelDirectory = "model", StoreDirectory = "store" };
        change(o);
        return o;
    }
}
