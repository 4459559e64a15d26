using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Scoring.Baselines;

namespace CstmML.Scoring.Tests.Baselines;

public class AlertTokenCacheTests
{
    [Fact]
    public void Token_EveryProductTwice_EqualsAlertTokenAndSameInstance()
    {
        var cache = new AlertTokenCache();
        foreach (var product in Enum.GetValues<AlertProduct>())
        {
            var alert = Alert(product, "Recon:EC2/PortProbeUnprotectedPort");

            var first = cache.Token(alert);

            Assert.Equal(SequenceTokens.AlertToken(alert), first);
            Assert.Same(first, cache.Token(alert with { Id = "other" }));
        }
    }

    [Fact]
    public void Token_MoreDistinctTypesThanTheBound_StaysBoundedAndCorrect()
    {
        var cache = new AlertTokenCache();
        for (var i = 0; i < AlertTokenCache.MaxTypesPerProduct + 10; i++)
        {
            var alert = Alert(AlertProduct.CloudTrail, $"Event{i}");
            Assert.Equal(SequenceTokens.AlertToken(alert), cache.Token(alert));
        }

        Assert.InRange(cache.Count, 1, AlertTokenCache.MaxTypesPerProduct);
    }

    [Fact]
    public void Of_AlertTypeTokens_SameAsAlertTokenPerAlert()
    {
        // Repeated and alternating types, two products with the same type: the run shortcut must not mix them up.
        var alerts = new[]
        {
            Alert(AlertProduct.CloudTrail, "A"), Alert(AlertProduct.CloudTrail, "A"), Alert(AlertProduct.GuardDuty, "A"),
            Alert(AlertProduct.CloudTrail, "B"), Alert(AlertProduct.CloudTrail, "A"), Alert(AlertProduct.Defender, "B"),
        };
        var sequence = new AlertSequence { SequenceId = "s", Account = "1", Principal = "p", Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch, Alerts = alerts };

        var tokens = SequenceTokens.Of(sequence, TokenKind.AlertType);

        Assert.Equal(alerts.Select(SequenceTokens.AlertToken), tokens);
    }

    private static NormalizedAlert Alert(AlertProduct product, string type) => new()
    {
        Id = "a1",
        Time = DateTimeOffset.UnixEpoch,
        Provider = CloudProvider.Aws,
        Product = product,
        Type = type,
        Principal = "p",
        RawRef = new RawRef("test", 1),
    };
}
