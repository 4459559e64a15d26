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
