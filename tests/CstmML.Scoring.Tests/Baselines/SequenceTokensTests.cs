using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Scoring.Baselines;

namespace CstmML.Scoring.Tests.Baselines;

public class SequenceTokensTests
{
    public static TheoryData<AlertProduct> Products => [.. Enum.GetValues<AlertProduct>()];

    [Theory]
    [MemberData(nameof(Products))]
    public void AlertToken_EveryProduct_JsonNameColonType(AlertProduct product)
    {
        var alert = new NormalizedAlert
        {
            Id = "a1",
            Time = DateTimeOffset.UnixEpoch,
            Provider = CloudProvider.Aws,
            Product = product,
            Type = "Recon:EC2/PortProbeUnprotectedPort",
            Principal = "p",
            RawRef = new RawRef("test", 1),
        };

        var expected = JsonSerializer.Serialize(product).Trim('"') + ":Recon:EC2/PortProbeUnprotectedPort";
        Assert.Equal(expected, SequenceTokens.AlertToken(alert));
        Assert.DoesNotContain('"', expected);
    }
}
