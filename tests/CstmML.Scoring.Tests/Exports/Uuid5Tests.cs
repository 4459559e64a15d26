using CstmML.Scoring.Exports;

namespace CstmML.Scoring.Tests.Exports;

public class Uuid5Tests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void Create_RfcDnsExample_MatchesReferenceImplementation()
    {
        // Reference value from Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), Uuid5.Create(DnsNamespace, "python.org"));
    }

    [Fact]
    public void Create_SetsVersion5AndRfcVariant()
    {
        var text = Uuid5.Create(DnsNamespace, "anything").ToString();
        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void Create_DifferentNames_GiveDifferentIds()
    {
        Assert.NotEqual(Uuid5.Create(DnsNamespace, "a"), Uuid5.Create(DnsNamespace, "b"));
        Assert.Equal(Uuid5.Create(DnsNamespace, "a"), Uuid5.Create(DnsNamespace, "a"));
    }
}
