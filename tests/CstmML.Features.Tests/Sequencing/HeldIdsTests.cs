using CstmML.Features.Sequencing;

namespace CstmML.Features.Tests.Sequencing;

public class HeldIdsTests
{
    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 5_000)]
    [InlineData(3, 200_000)]
    public void Operations_RandomAddsAndRemoves_MatchADictionaryOfCounts(int seed, int space)
    {
        // Model-based, through growth and backward-shift deletions; a small space repeats hashes (counts above one).
        var random = new Random(seed);
        var ids = new HeldIds();
        var model = new Dictionary<ulong, int>();
        for (var step = 0; step < 150_000; step++)
        {
            var hash = HeldIds.Salt((ulong)random.Next(space), random.Next(3));
            if (random.Next(5) < 3)
            {
                ids.Add(hash);
                model[hash] = model.GetValueOrDefault(hash) + 1;
            }
            else
            {
                ids.Remove(hash);
                if (model.TryGetValue(hash, out var n))
                {
                    if (n == 1)
                    {
                        model.Remove(hash);
                    }
                    else
                    {
                        model[hash] = n - 1;
                    }
                }
            }

            Assert.Equal(model.ContainsKey(hash), ids.Contains(hash));
            if (step % 5_000 == 0)
            {
                Assert.Equal(model.Count, ids.Count);
                Assert.All(model.Keys, k => Assert.True(ids.Contains(k)));
            }
        }

        Assert.Equal(model.Count, ids.Count);
    }

    [Fact]
    public void Contains_HomesCollideInOneRun_EachFoundAndRemovedAlone()
    {
        // Hashes whose top bits are equal share a home slot: one probe run, and deleting from its middle must keep the rest.
        var ids = new HeldIds();
        var hashes = Enumerable.Range(1, 40).Select(i => (7UL << 60) + (uint)i).ToArray();
        foreach (var h in hashes)
        {
            ids.Add(h);
        }

        ids.Remove(hashes[10]);
        ids.Remove(hashes[0]);

        Assert.False(ids.Contains(hashes[10]));
        Assert.False(ids.Contains(hashes[0]));
        Assert.All(hashes.Where((_, i) => i is not 0 and not 10), h => Assert.True(ids.Contains(h)));
        Assert.Equal(38, ids.Count);
    }

    [Fact]
    public void Salt_SameIdHashOfTwoKeys_Differs()
    {
        Assert.NotEqual(HeldIds.Salt(12345, 1), HeldIds.Salt(12345, 2));
        Assert.NotEqual(0UL, HeldIds.Salt(0, 0));
    }
}
