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
    public void Get_ManyDistinctKeys_GrowsFromASmallStartToTheConfiguredSizeAndStillAnswersExactly()
    {
        var cache = new Utf8ValueCache<string>(slotBits: 12, maxKeyBytes: 64, inlineKeyBytes: 16);
        Assert.Equal(0, cache.Slots);
        Assert.Null(cache.Get("k0"u8, out _));
        Assert.Equal(256, cache.Slots);

        // Ever-new keys miss every time: the cache doubles until its configured 4,096 slots, never beyond.
        for (var i = 0; i < 100_000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes("key-" + i);
            Assert.Null(cache.Get(bytes, out var slot));
            cache.Set(slot, bytes, "v" + i);
        }

        Assert.Equal(4096, cache.Slots);
        var last = Encoding.UTF8.GetBytes("key-99999");
        Assert.Equal("v99999", cache.Get(last, out _));
        Assert.Null(cache.Get(Encoding.UTF8.GetBytes("key-99998x"), out _));
    }

    [Fact]
    public void Get_RepeatedKeys_StayAtTheStartSize()
    {
        var cache = new Utf8ValueCache<string>(slotBits: 12, maxKeyBytes: 64, inlineKeyBytes: 16);
        for (var i = 0; i < 100_000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes("k" + (i % 50));
            if (cache.Get(bytes, out var slot) is null)
            {
                cache.Set(slot, bytes, "v");
            }
        }

        Assert.Equal(256, cache.Slots);
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
