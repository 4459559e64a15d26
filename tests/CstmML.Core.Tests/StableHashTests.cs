using CstmML.Core.Hashing;

namespace CstmML.Core.Tests;

public class StableHashTests
{
    // Reference values of FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/) over the UTF-8 bytes: these pin the
    // hash so a change that would silently re-bucket every model's features fails here.
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Fnv1a64_MatchesPublishedVectors(string text, ulong expected) =>
        Assert.Equal(expected, StableHash.Fnv1a64(text));

    [Fact]
    public void Fnv1a32_IsSeedSensitiveAndRepeatable()
    {
        Assert.Equal(StableHash.Fnv1a32("T1580"), StableHash.Fnv1a32("T1580"));
        Assert.NotEqual(StableHash.Fnv1a32("T1580", 1), StableHash.Fnv1a32("T1580", 2));
        Assert.NotEqual(StableHash.Fnv1a32("T1580"), StableHash.Fnv1a32("T1530"));
    }
}
