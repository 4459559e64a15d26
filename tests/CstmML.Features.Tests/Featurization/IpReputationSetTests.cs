using System.Text;
using CstmML.Features.Featurization;

namespace CstmML.Features.Tests.Featurization;

public class IpReputationSetTests
{
    private const string AwsRangesJson = """
        {
          "prefixes": [ { "ip_prefix": "1.178.1.0/24", "region": "us-west-2", "service": "EC2" } ],
          "ipv6_prefixes": [ { "ipv6_prefix": "2001:3fc0:800::/40", "region": "eusc-de-east-1", "service": "EC2" } ]
        }
        """;

    private static readonly Lazy<IpReputationSet> Shipped = new(() => IpReputationSet.Load(
        RepoFiles.Path("training-data", "reference", "network", "tor_exit_nodes.txt"),
        RepoFiles.Path("training-data", "reference", "network", "aws_ip_ranges.json")));

    [Fact]
    public void Load_ShippedTorList_HoldsEveryUniqueAddressOfItsHeader() =>
        Assert.Equal(2277, Shipped.Value.AnonymizingCount); // "2277 unique addresses (1363 IPv4, 914 IPv6)"

    [Theory]
    [InlineData("5.2.67.226")]
    [InlineData(" 5.2.67.226 ")]
    [InlineData("::ffff:5.2.67.226")]
    [InlineData("2c0f:6c0:0:a::1234")]
    [InlineData("2c0f:06c0:0000:000a:0000:0000:0000:1234")]
    public void Classify_ListedTorExit_IsAnonymizing(string address) =>
        Assert.True(Shipped.Value.Classify(address).HasFlag(IpCategories.Anonymizing));

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("not-an-ip")]
    [InlineData("")]
    [InlineData(null)]
    public void Classify_UnlistedOrInvalid_IsNone(string? address) =>
        Assert.Equal(IpCategories.None, Shipped.Value.Classify(address));

    [Fact]
    public void Load_ShippedAwsRanges_FlagsAnAddressInsideAPrefix()
    {
        Assert.True(Shipped.Value.CloudNetworkCount > 1000);
        Assert.Equal(IpCategories.CloudProvider, Shipped.Value.Classify("1.178.1.5"));
    }

    [Theory]
    [InlineData("1.178.1.200", IpCategories.CloudProvider)]
    [InlineData("1.178.2.1", IpCategories.None)]
    [InlineData("2001:3fc0:8ff::1", IpCategories.CloudProvider)]
    [InlineData("2001:3fc0:900::1", IpCategories.None)]
    public void WithAwsIpRanges_Address_MatchesOnlyInsideItsPrefix(string address, IpCategories expected)
    {
        var set = IpReputationSet.Empty.WithAwsIpRanges(new MemoryStream(Encoding.UTF8.GetBytes(AwsRangesJson)), "ranges.json");

        Assert.Equal(expected, set.Classify(address));
    }

    [Fact]
    public void FromAnonymizingList_BadLine_NamesSourceAndLine()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            IpReputationSet.FromAnonymizingList(new StringReader("# comment\n1.2.3.4\nbogus\n"), "tor.txt"));

        Assert.Equal("tor.txt:3: 'bogus' is not an IP address.", e.Message);
    }

    [Fact]
    public void WithAwsIpRanges_BadPrefix_NamesEntry()
    {
        var json = """{ "prefixes": [ { "ip_prefix": "1.2.3.0/24" }, { "ip_prefix": "1.2.3.0/99" } ] }""";

        var e = Assert.Throws<InvalidDataException>(() =>
            IpReputationSet.Empty.WithAwsIpRanges(new MemoryStream(Encoding.UTF8.GetBytes(json)), "r.json"));

        Assert.Contains("r.json: prefixes[1].ip_prefix: '1.2.3.0/99'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_ClassifiesEverythingAsNone() =>
        Assert.Equal(IpCategories.None, IpReputationSet.Empty.Classify("5.2.67.226"));
}
