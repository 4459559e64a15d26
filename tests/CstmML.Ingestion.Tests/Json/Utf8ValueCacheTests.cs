using System.Text;
using CstmML.Ingestion.Json;

namespace CstmML.Ingestion.Tests.Json;

public class Utf8ValueCacheTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(128)]
    public void Get_AfterSet_ReturnsTheValueOnlyForTheSameBytes(int inline)
    {
        // One slot: every key shares it, so each Set replaces the last, short (inline) and long keys alike.
        var cache = new Utf8ValueCache<string>(slotBits: 0, maxKeyBytes: 64, inlineKeyBytes: inline);
        string[] keys = ["", "a", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyZ", "a"];
        foreach (var key in keys)
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            Assert.Null(cache.Get(bytes, out var slot));
            Assert.Equal(0, slot);
            var value = "v:" + key;
            cache.Set(slot, bytes, value);
            Assert.Same(value, cache.Get(Encoding.UTF8.GetBytes(key), out _));
            foreach (var other in keys.Where(k => k != key))
            {
                Assert.Null(cache.Get(Encoding.UTF8.GetBytes(other), out _));
            }
        }
    }

    [Fact]
    public void Get_KeyLongerThanTheMaximum_IsNeverCached()
    {
        var cache = new Utf8ValueCache<string>(slotBits: 4, maxKeyBytes: 4, inlineKeyBytes: 4);
        var bytes = Encoding.UTF8.GetBytes("abcde");
        Assert.Null(cache.Get(bytes, out var slot));
        Assert.Equal(-1, slot);
        cache.Set(slot, bytes, "x");
        Assert.Null(cache.Get(bytes, out _));
    }

    [Fact]
    public void Get_StringCacheHit_ReturnsTheSameInstance()
    {
        var cache = new Utf8StringCache();
        var arn = Encoding.UTF8.GetBytes("arn:aws:iam::111122223333:role/Admin");
        var first = cache.Get(arn);
        Assert.Equal("arn:aws:iam::111122223333:role/Admin", first);
        Assert.Same(first, cache.Get(arn));
    }
}
