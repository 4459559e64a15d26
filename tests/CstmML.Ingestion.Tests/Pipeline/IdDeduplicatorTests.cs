using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Pipeline;

public class IdDeduplicatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsDuplicate_RepeatWeeksLaterInEventTime_IsCaughtWhileFewIdsAreRemembered()
    {
        var d = new IdDeduplicator(TimeSpan.FromHours(24));
        Assert.False(d.IsDuplicate("a", T0));
        Assert.False(d.IsDuplicate("b", T0.AddDays(30)));
        Assert.True(d.IsDuplicate("a", T0));
        Assert.Equal(2, d.Count);
    }

    [Fact]
    public void IsDuplicate_PastTheFloor_ForgetsIdsOutsideTheWindow()
    {
        var d = new IdDeduplicator(TimeSpan.FromHours(1));
        Assert.False(d.IsDuplicate("old", T0));
        for (var i = 0; i < IdDeduplicator.MinRemembered; i++)
        {
            d.IsDuplicate("n" + i, T0.AddMinutes(1));
        }

        // A newer event moves the window past "old", and more than the floor of ids are held: it is forgotten.
        Assert.False(d.IsDuplicate("new", T0.AddHours(3)));
        Assert.False(d.IsDuplicate("old", T0));
        Assert.True(d.Count <= IdDeduplicator.MinRemembered + 2);
    }

    [Fact]
    public void IsDuplicate_IdsDifferingInOneCharacterOrLength_AreDistinct()
    {
        var d = new IdDeduplicator(TimeSpan.FromHours(1));
        string[] ids = ["", "a", "aa", "ab", "ba", "abcdefgh", "abcdefgi", "abcdefghi", "ÿ", "\u0100", "h:0123456789abcdef"];
        foreach (var id in ids)
        {
            Assert.False(d.IsDuplicate(id, T0), id);
        }

        foreach (var id in ids)
        {
            Assert.True(d.IsDuplicate(new string(id.AsSpan()), T0), id);
        }

        Assert.Equal(ids.Length, d.Count);
    }

    [Fact]
    public void IsDuplicate_EventTimeNearTheMinimum_DoesNotThrow()
    {
        // The window start before year 1 cannot be a DateTimeOffset; the old code threw here.
        var d = new IdDeduplicator(TimeSpan.FromHours(24), minRemembered: 0);
        Assert.False(d.IsDuplicate("a", DateTimeOffset.MinValue));
        Assert.False(d.IsDuplicate("b", DateTimeOffset.MinValue.AddHours(1)));
        Assert.True(d.IsDuplicate("a", DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData(1, 0, 2000)]
    [InlineData(2, 50, 400)]
    [InlineData(3, 1000, 5000)]
    [InlineData(4, 20_000, 30_000)]
    public void IsDuplicate_SeededMixOfRepeatsAndTimeJumps_AgreesWithTheReference(int seed, int floor, int idSpace)
    {
        // Repeats, out-of-order times, equal times, long ids and evictions through the floor, window and arena moves.
        var random = new Random(seed);
        var window = TimeSpan.FromMinutes(30);
        var fast = new IdDeduplicator(window, floor);
        var reference = new ReferenceIdDeduplicator(window, floor);
        var time = T0;
        var duplicates = 0;
        for (var i = 0; i < 200_000; i++)
        {
            time = time.AddSeconds(random.Next(-20, 30));
            var n = random.Next(idSpace);
            var id = (n % 7) switch
            {
                0 => "id-" + n,
                1 => new string('x', n % 97) + n,
                2 => $"{n:x8}-{n % 13:x4}-eeee-ffff-{n:x12}",
                _ => "h:" + n,
            };
            var offset = TimeSpan.FromHours(random.Next(-3, 4));
            var t = new DateTimeOffset(time.UtcDateTime.Add(offset).Ticks, offset);
            var expected = reference.IsDuplicate(id, t);
            Assert.Equal(expected, fast.IsDuplicate(id, t));
            Assert.Equal(reference.Count, fast.Count);
            duplicates += expected ? 1 : 0;
        }

        // The mix must exercise both answers, or the comparison proves little.
        Assert.InRange(duplicates, 1000, 199_000);
        Assert.True(fast.ArenaGrowths > 0);
    }

    [Fact]
    public void IsDuplicate_SteadyWindowOfNewIds_CompactsTheArenaInPlaceAndStillAgrees()
    {
        // A sliding window of new ids: the live ids stay few while the arena fills again and again, so it is compacted
        // in place (not reallocated); ids of every length then must still be found exactly.
        var window = TimeSpan.FromMinutes(10);
        var fast = new IdDeduplicator(window, minRemembered: 100);
        var reference = new ReferenceIdDeduplicator(window, 100);
        var random = new Random(11);
        for (var i = 0; i < 100_000; i++)
        {
            // Mostly new ids, some repeats of recent ones (caught) and of long-gone ones (forgotten, passes again).
            var n = random.Next(10) switch
            {
                0 => Math.Max(0, i - random.Next(1, 50)),
                1 => Math.Max(0, i - random.Next(5_000, 20_000)),
                _ => i,
            };
            var id = new string('k', n % 41) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var t = T0.AddSeconds(i);
            Assert.Equal(reference.IsDuplicate(id, t), fast.IsDuplicate(id, t));
            Assert.Equal(reference.Count, fast.Count);
        }

        Assert.True(fast.ArenaCompactions >= 10, $"{fast.ArenaCompactions} in-place compactions");
        Assert.InRange(fast.ArenaGrowths, 1, 12);
    }
}
