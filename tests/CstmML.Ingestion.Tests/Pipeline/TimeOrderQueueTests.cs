using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

public class TimeOrderQueueTests
{
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.5)]
    [InlineData(4, 1.0)]
    public void Dequeue_SeededMixOfInOrderOlderAndEqualTimes_FollowsTimeThenArrival(int seed, double olderShare)
    {
        // The model: every item with its (time, arrival) key in a sorted set; the queue must hand items out in that order.
        var random = new Random(seed);
        var queue = new TimeOrderQueue();
        var model = new SortedSet<(long Ticks, long Arrival, int Item)>();
        var arrival = 0L;
        var now = 1_000L;
        var fromOlder = 0;
        for (var i = 0; i < 50_000; i++)
        {
            if (random.Next(3) > 0 || model.Count == 0)
            {
                // Equal times are frequent (a step of 0), and a share of the items is older than the newest.
                now += random.Next(0, 3);
                var older = random.NextDouble() < olderShare;
                var ticks = older ? now - random.Next(1, 50) : now;
                fromOlder += older ? 1 : 0;
                queue.Enqueue(i, ticks);
                model.Add((ticks, arrival++, i));
            }
            else
            {
                var expected = model.Min;
                Assert.True(queue.TryPeek(out var item, out var t));
                Assert.Equal((expected.Item, expected.Ticks), (item, t));
                queue.Dequeue();
                model.Remove(expected);
            }

            Assert.Equal(model.Count, queue.Count);
        }

        while (model.Count > 0)
        {
            var expected = model.Min;
            Assert.True(queue.TryPeek(out var item, out _));
            Assert.Equal(expected.Item, item);
            queue.Dequeue();
            model.Remove(expected);
        }

        Assert.False(queue.TryPeek(out _, out _));
        Assert.Equal(olderShare > 0, fromOlder > 0);
    }

    [Fact]
    public void Dequeue_Empty_Throws()
    {
        var queue = new TimeOrderQueue();
        Assert.Throws<InvalidOperationException>(queue.Dequeue);
    }

    [Fact]
    public void Enqueue_PastTheRingCapacityWhileWrapped_KeepsTheOrder()
    {
        // Dequeue a few so the ring's head is not at 0, then grow it: the items must come out in arrival order.
        var queue = new TimeOrderQueue();
        for (var i = 0; i < 200; i++)
        {
            queue.Enqueue(i, 5);
        }

        for (var i = 0; i < 150; i++)
        {
            queue.Dequeue();
        }

        for (var i = 200; i < 2_000; i++)
        {
            queue.Enqueue(i, 5);
        }

        for (var expected = 150; expected < 2_000; expected++)
        {
            Assert.True(queue.TryPeek(out var item, out _));
            Assert.Equal(expected, item);
            queue.Dequeue();
        }
    }
}
