namespace CstmML.Features.Sequencing;

/// <summary>
/// The ids a <see cref="Sequencer"/> holds (buffered or retained), for every key in one table: 64-bit id hashes salted
/// by the key, each with a count. One open-addressing table with linear probing, at most half full, so a lookup is
/// about one cache miss; a per-key dictionary cost three (the key's state, its buckets, its entries) and was the
/// largest cost of <see cref="Sequencer.Add"/>. A hash only says an id may be held: the sequencer confirms it against
/// the key's alerts. Not thread-safe (like the sequencer).
/// </summary>
internal sealed class HeldIds
{
    private const int InitialSlots = 1024;

    private Slot[] _slots = new Slot[InitialSlots];
    private int _bits = System.Numerics.BitOperations.Log2(InitialSlots);
    private int _count;

    /// <summary>Distinct salted hashes held.</summary>
    public int Count => _count;

    /// <summary>The salted hash of an id hash for the key numbered <paramref name="key"/>; never 0 (an empty slot).</summary>
    public static ulong Salt(ulong idHash, long key)
    {
        var h = idHash ^ ((ulong)key * 0x9E3779B97F4A7C15);
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9;
        h ^= h >> 29;
        return h == 0 ? 1 : h;
    }

    /// <summary>Whether <paramref name="hash"/> is held.</summary>
    public bool Contains(ulong hash) => _slots[Find(hash)].Hash == hash;

    /// <summary>Counts one more held id with <paramref name="hash"/>.</summary>
    public void Add(ulong hash)
    {
        var i = Find(hash);
        ref var slot = ref _slots[i];
        if (slot.Hash == hash)
        {
            slot.Count++;
            return;
        }

        slot = new Slot(hash, 1);
        if (++_count * 2 > _slots.Length)
        {
            Grow();
        }
    }

    /// <summary>Counts one held id with <paramref name="hash"/> fewer (nothing when none is held).</summary>
    public void Remove(ulong hash)
    {
        var i = Find(hash);
        if (_slots[i].Hash != hash)
        {
            return;
        }

        if (--_slots[i].Count > 0)
        {
            return;
        }

        // Backward-shift deletion: later slots of the run move up unless their home lies in (i, j] (cyclically).
        var mask = _slots.Length - 1;
        for (var j = (i + 1) & mask; _slots[j].Hash != 0; j = (j + 1) & mask)
        {
            var home = Home(_slots[j].Hash);
            var stays = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!stays)
            {
                _slots[i] = _slots[j];
                i = j;
            }
        }

        _slots[i] = default;
        _count--;
    }

    /// <summary>Forgets every id (the sequencer's flush at the end of input).</summary>
    public void Clear()
    {
        _slots = new Slot[InitialSlots];
        _bits = System.Numerics.BitOperations.Log2(InitialSlots);
        _count = 0;
    }

    // The slot holding hash, or the empty slot where it goes.
    private int Find(ulong hash)
    {
        var mask = _slots.Length - 1;
        var i = Home(hash);
        while (_slots[i].Hash != hash && _slots[i].Hash != 0)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private int Home(ulong hash) => (int)(hash >> (64 - _bits));

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _bits++;
        foreach (var s in old)
        {
            if (s.Hash != 0)
            {
                _slots[Find(s.Hash)] = s;
            }
        }
    }

    private record struct Slot(ulong Hash, int Count);
}
