namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Items in (time, arrival) order: the oldest event time first, and of equal times the one enqueued first. Input is
/// mostly in time order, so an item no older than the last one queued in order goes to the end of a ring (no heap work,
/// sequential memory); only an older one goes to a heap, keyed by (time, arrival). Used for de-duplication's eviction
/// order, where a heap of every remembered id cost a sift-down of cache misses per id forgotten. Not thread-safe.
/// </summary>
internal sealed class TimeOrderQueue
{
    private readonly PriorityQueue<int, (long Ticks, long Arrival)> _older = new();
    private Node[] _ring = new Node[256];
    private int _head;
    private int _count;
    private long _tailTicks;
    private long _arrivals;

    /// <summary>Items queued.</summary>
    public int Count => _count + _older.Count;

    /// <summary>Queues <paramref name="item"/> at <paramref name="ticks"/>.</summary>
    public void Enqueue(int item, long ticks)
    {
        var arrival = _arrivals++;
        if (_count > 0 && ticks < _tailTicks)
        {
            _older.Enqueue(item, (ticks, arrival));
            return;
        }

        if (_count == _ring.Length)
        {
            Grow();
        }

        _ring[(_head + _count) & (_ring.Length - 1)] = new Node(item, ticks, arrival);
        _count++;
        _tailTicks = ticks;
    }

    /// <summary>The first item in (time, arrival) order, without removing it; false when empty.</summary>
    public bool TryPeek(out int item, out long ticks)
    {
        var found = TryFirst(out _, out var node);
        (item, ticks) = (node.Item, node.Ticks);
        return found;
    }

    /// <summary>Removes the first item in (time, arrival) order.</summary>
    public void Dequeue()
    {
        if (!TryFirst(out var fromRing, out _))
        {
            throw new InvalidOperationException("The queue is empty.");
        }

        if (fromRing)
        {
            _head = (_head + 1) & (_ring.Length - 1);
            _count--;
        }
        else
        {
            _older.Dequeue();
        }
    }

    private bool TryFirst(out bool fromRing, out Node node)
    {
        var hasRing = _count > 0;
        var hasOlder = _older.TryPeek(out var olderItem, out var key);
        if (hasRing)
        {
            var first = _ring[_head];
            if (!hasOlder || first.Ticks < key.Ticks || (first.Ticks == key.Ticks && first.Arrival < key.Arrival))
            {
                (fromRing, node) = (true, first);
                return true;
            }
        }

        (fromRing, node) = (false, new Node(olderItem, key.Ticks, key.Arrival));
        return hasOlder;
    }

    private void Grow()
    {
        var grown = new Node[_ring.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _ring[(_head + i) & (_ring.Length - 1)];
        }

        _ring = grown;
        _head = 0;
    }

    private readonly record struct Node(int Item, long Ticks, long Arrival);
}
