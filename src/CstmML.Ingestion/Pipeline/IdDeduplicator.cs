using System.Buffers;
using System.Runtime.InteropServices;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Drops repeated alert ids with bounded memory: an id is remembered until the newest event time seen passes its
/// own time by <see cref="Window"/>, and the most recent <see cref="MinRemembered"/> ids are always kept, so inputs of
/// that size are de-duplicated exactly whatever their time order (e.g. the same export read twice, weeks apart in
/// event time). A repeat that arrives after its first copy was forgotten passes (documented).
/// </summary>
/// <remarks>
/// The remembered ids are copied into one character arena and indexed by an open-addressing table of plain numbers, so the
/// garbage collector has no per-id object to trace or promote: keeping the id strings themselves (a
/// <c>HashSet&lt;string&gt;</c>) kept every alert id of the window alive and cost about a fifth of `cstm map`.
/// Equality is exact (ordinal, every character compared); the hash only picks the bucket.
/// </remarks>
public sealed class IdDeduplicator
{
    /// <summary>Ids kept regardless of the window (about 30 MB): exact de-duplication for inputs up to this size.</summary>
    public const int MinRemembered = 262_144;

    // Small to start: the host makes one per request, and an array of 85,000 bytes or more would be a large object
    // whose every allocation counts toward a full (gen-2) collection. Both grow by doubling.
    private const int InitialSlots = 1024;
    private const int InitialArenaChars = 4 * 1024;

    private readonly int _minRemembered;
    private readonly long _windowTicks;

    // Time order of the remembered ids (entry index, event time in UTC ticks): eviction takes the oldest first, and
    // of equal times the one remembered first.
    private readonly TimeOrderQueue _byTime = new();

    // Open addressing, linear probing, at most half full: each slot is the id hash's top 32 bits (which also give
    // its home slot) and its entry index + 1 (0: empty). A lookup reads one slot run and touches an entry only when
    // those 32 bits match, so a new id costs about one cache miss.
    private ulong[] _slots = new ulong[InitialSlots];
    private int _slotBits = System.Numerics.BitOperations.Log2(InitialSlots);

    private Entry[] _entries = new Entry[InitialSlots / 2];
    private int _entriesUsed;
    private int _freeList = -1;
    private int _count;

    private char[] _arena = new char[InitialArenaChars];
    private int _arenaUsed;
    private long _arenaLive;

    private bool _anyTime;
    private long _maxTicks;

    public IdDeduplicator(TimeSpan window)
        : this(window, MinRemembered)
    {
    }

    /// <summary>For tests: a smaller floor of remembered ids, to exercise eviction with small inputs.</summary>
    internal IdDeduplicator(TimeSpan window, int minRemembered)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(minRemembered);
        Window = window;
        _windowTicks = window.Ticks;
        _minRemembered = minRemembered;
    }

    /// <summary>How long, in event time, an id is remembered.</summary>
    public TimeSpan Window { get; }

    /// <summary>Ids currently remembered.</summary>
    public int Count => _count;

    /// <summary>Times the arena was compacted in place (for tests).</summary>
    internal int ArenaCompactions { get; private set; }

    /// <summary>Times the ids moved to a new, larger arena (for tests).</summary>
    internal int ArenaGrowths { get; private set; }

    /// <summary>True when <paramref name="id"/> was seen within the window (the record should be dropped); otherwise remembers it.</summary>
    public bool IsDuplicate(string id, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = Hash(id);
        if (Find(id, hash, out var slot))
        {
            return true;
        }

        var entry = Add(id, hash, slot);

        // Eviction only removes ids already queued, so the id just added stays (it counts towards the floor).
        var ticks = time.UtcTicks;
        if (!_anyTime || ticks > _maxTicks)
        {
            _anyTime = true;
            _maxTicks = ticks;
            Evict();
        }

        _byTime.Enqueue(entry, ticks);
        return false;
    }

    private void Evict()
    {
        var horizon = _maxTicks - _windowTicks;
        while (_count > _minRemembered && _byTime.TryPeek(out var entry, out var t) && t < horizon)
        {
            _byTime.Dequeue();
            Remove(entry);
        }
    }

    // The slot holding id, or the empty slot where it goes (then false).
    private bool Find(string id, ulong hash, out int slot)
    {
        var tag = (uint)(hash >> 32);
        var mask = _slots.Length - 1;
        for (var i = Home(tag); ; i = (i + 1) & mask)
        {
            var s = _slots[i];
            if (s == 0)
            {
                slot = i;
                return false;
            }

            if ((uint)(s >> 32) == tag)
            {
                ref var e = ref _entries[(int)(uint)s - 1];
                if (e.Hash == hash && e.Length == id.Length && id.AsSpan().SequenceEqual(_arena.AsSpan(e.Offset, e.Length)))
                {
                    slot = i;
                    return true;
                }
            }
        }
    }

    private int Add(string id, ulong hash, int slot)
    {
        int index;
        if (_freeList >= 0)
        {
            index = _freeList;
            _freeList = _entries[index].Offset;
        }
        else
        {
            if (_entriesUsed == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            index = _entriesUsed++;
        }

        _entries[index] = new Entry { Hash = hash, Offset = Store(id), Length = id.Length };
        _slots[slot] = ((hash >> 32) << 32) | (uint)(index + 1);
        _count++;
        if (_count * 2 > _slots.Length)
        {
            Grow();
        }

        return index;
    }

    private void Remove(int index)
    {
        ref var e = ref _entries[index];
        var mask = _slots.Length - 1;
        var i = Home((uint)(e.Hash >> 32));
        while ((uint)_slots[i] != (uint)(index + 1))
        {
            i = (i + 1) & mask;
        }

        // Backward-shift deletion: later slots of the run move up unless their home lies in (i, j] (cyclically).
        for (var j = (i + 1) & mask; _slots[j] != 0; j = (j + 1) & mask)
        {
            var home = Home((uint)(_slots[j] >> 32));
            var stays = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!stays)
            {
                _slots[i] = _slots[j];
                i = j;
            }
        }

        _slots[i] = 0;
        _arenaLive -= e.Length;
        e = new Entry { Offset = _freeList, Length = -1 };
        _freeList = index;
        _count--;
    }

    // Appends the id's characters. When the arena is full, the live ids are moved to its start in place if they fill
    // at most two thirds of it (forgotten ids leave gaps), else to a new arena twice their size: so each character is
    // copied a bounded number of times on average, and a steady window (about half the arena live each time it fills)
    // reuses one arena instead of allocating a large object, whose every allocation counts toward a full collection.
    private int Store(string id)
    {
        if (_arenaUsed + id.Length > _arena.Length)
        {
            var needed = _arenaLive + id.Length;
            if (needed * 3 <= (long)_arena.Length * 2)
            {
                CompactInPlace();
                ArenaCompactions++;
            }
            else
            {
                ArenaGrowths++;
                var fresh = new char[Math.Max(InitialArenaChars, (int)Math.Min(Array.MaxLength, needed * 2))];
                var used = 0;
                for (var i = 0; i < _entriesUsed; i++)
                {
                    ref var e = ref _entries[i];
                    if (e.Length >= 0)
                    {
                        _arena.AsSpan(e.Offset, e.Length).CopyTo(fresh.AsSpan(used));
                        e.Offset = used;
                        used += e.Length;
                    }
                }

                _arena = fresh;
                _arenaUsed = used;
            }
        }

        var offset = _arenaUsed;
        id.CopyTo(_arena.AsSpan(offset));
        _arenaUsed += id.Length;
        _arenaLive += id.Length;
        return offset;
    }

    // Moves the live ids to the start of the arena in the order they lie in it, so no id overwrites one not yet moved.
    private void CompactInPlace()
    {
        var offsets = ArrayPool<int>.Shared.Rent(_count);
        var indexes = ArrayPool<int>.Shared.Rent(_count);
        try
        {
            var live = 0;
            for (var i = 0; i < _entriesUsed; i++)
            {
                if (_entries[i].Length >= 0)
                {
                    offsets[live] = _entries[i].Offset;
                    indexes[live++] = i;
                }
            }

            Array.Sort(offsets, indexes, 0, live);
            var used = 0;
            for (var k = 0; k < live; k++)
            {
                ref var e = ref _entries[indexes[k]];
                if (e.Offset != used)
                {
                    _arena.AsSpan(e.Offset, e.Length).CopyTo(_arena.AsSpan(used));
                    e.Offset = used;
                }

                used += e.Length;
            }

            _arenaUsed = used;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<int>.Shared.Return(indexes);
        }
    }

    private void Grow()
    {
        _slots = new ulong[_slots.Length * 2];
        _slotBits++;
        var mask = _slots.Length - 1;
        for (var index = 0; index < _entriesUsed; index++)
        {
            ref var e = ref _entries[index];
            if (e.Length >= 0)
            {
                var tag = (uint)(e.Hash >> 32);
                var i = Home(tag);
                while (_slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = ((ulong)tag << 32) | (uint)(index + 1);
            }
        }
    }

    private int Home(uint tag) => (int)(tag >> (32 - _slotBits));

    // A deterministic multiply-xorshift hash of the UTF-16 code units, eight bytes at a time. Only bucket choice
    // depends on it; equality is always checked on the characters.
    private static ulong Hash(string id)
    {
        const ulong K = 0x9E3779B97F4A7C15;
        var chars = id.AsSpan();
        var h = (ulong)chars.Length * K;
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var w in words)
        {
            h = (h ^ w) * K;
            h ^= h >> 29;
        }

        foreach (var c in chars[(words.Length * 4)..])
        {
            h = (h ^ c) * K;
        }

        h ^= h >> 32;
        h *= K;
        return h ^ (h >> 29);
    }

    private struct Entry
    {
        public ulong Hash;

        // Where the characters start in the arena; on the free list, the next free entry (-1: none).
        public int Offset;

        // -1: a free entry.
        public int Length;
    }
}
