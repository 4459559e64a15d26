using System.Runtime.InteropServices;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Drops repeated alert ids with bounded memory: an id is remembered until the newest event time seen passes its
/// own time by <see cref="Window"/>, and the most recent <see cref="MinRemembered"/> ids are always kept, so inputs of
/// that size are de-duplicated exactly whatever their time order (e.g. the same export read twice, weeks apart in
/// event time). A repeat that arrives after its first copy was forgotten passes (documented).
/// </summary>
/// <remarks>
/// The remembered ids are copied into one character arena and indexed by a hash table of plain structs, so the
/// garbage collector has no per-id object to trace or promote: keeping the id strings themselves (a
/// <c>HashSet&lt;string&gt;</c>) kept every alert id of the window alive and cost about a fifth of `cstm map`.
/// Equality is exact (ordinal, every character compared); the hash only picks the bucket.
/// </remarks>
public sealed class IdDeduplicator
{
    /// <summary>Ids kept regardless of the window (about 30 MB): exact de-duplication for inputs up to this size.</summary>
    public const int MinRemembered = 262_144;

    private const int InitialEntries = 1024;
    private const int InitialArenaChars = 64 * 1024;

    private readonly int _minRemembered;
    private readonly long _windowTicks;

    // Time order of the remembered ids (entry index, event time in UTC ticks): eviction takes the oldest first.
    private readonly PriorityQueue<int, long> _byTime = new();

    private Entry[] _entries = new Entry[InitialEntries];

    // 1-based entry index of each bucket's first entry (0: empty); chains continue through Entry.Next.
    private int[] _buckets = new int[InitialEntries];
    private int _bucketShift = 64 - System.Numerics.BitOperations.Log2(InitialEntries);
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

    /// <summary>True when <paramref name="id"/> was seen within the window (the record should be dropped); otherwise remembers it.</summary>
    public bool IsDuplicate(string id, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = Hash(id);
        if (Find(id, hash))
        {
            return true;
        }

        var entry = Add(id, hash);

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

    private bool Find(string id, ulong hash)
    {
        for (var i = _buckets[Bucket(hash)] - 1; i >= 0; i = _entries[i].Next)
        {
            ref var e = ref _entries[i];
            if (e.Hash == hash && e.Length == id.Length && id.AsSpan().SequenceEqual(_arena.AsSpan(e.Offset, e.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private int Add(string id, ulong hash)
    {
        if (_count == _buckets.Length)
        {
            Resize();
        }

        int index;
        if (_freeList >= 0)
        {
            index = _freeList;
            _freeList = _entries[index].Next;
        }
        else
        {
            index = _entriesUsed++;
        }

        var offset = Store(id);
        var bucket = Bucket(hash);
        _entries[index] = new Entry { Hash = hash, Offset = offset, Length = id.Length, Next = _buckets[bucket] - 1 };
        _buckets[bucket] = index + 1;
        _count++;
        return index;
    }

    private void Remove(int index)
    {
        ref var e = ref _entries[index];
        var bucket = Bucket(e.Hash);
        if (_buckets[bucket] - 1 == index)
        {
            _buckets[bucket] = e.Next + 1;
        }
        else
        {
            var prev = _buckets[bucket] - 1;
            while (_entries[prev].Next != index)
            {
                prev = _entries[prev].Next;
            }

            _entries[prev].Next = e.Next;
        }

        _arenaLive -= e.Length;
        e = new Entry { Next = _freeList, Length = -1 };
        _freeList = index;
        _count--;
    }

    // Appends the id's characters; when the arena is full, the live ids move to a new arena twice their size
    // (forgotten ids leave gaps), so each character is copied a bounded number of times on average.
    private int Store(string id)
    {
        if (_arenaUsed + id.Length > _arena.Length)
        {
            var fresh = new char[Math.Max(InitialArenaChars, (int)Math.Min(Array.MaxLength, (_arenaLive + id.Length) * 2))];
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

        var offset = _arenaUsed;
        id.CopyTo(_arena.AsSpan(offset));
        _arenaUsed += id.Length;
        _arenaLive += id.Length;
        return offset;
    }

    private void Resize()
    {
        var size = _buckets.Length * 2;
        Array.Resize(ref _entries, size);
        _buckets = new int[size];
        _bucketShift--;
        for (var i = 0; i < _entriesUsed; i++)
        {
            ref var e = ref _entries[i];
            if (e.Length >= 0)
            {
                var bucket = Bucket(e.Hash);
                e.Next = _buckets[bucket] - 1;
                _buckets[bucket] = i + 1;
            }
        }
    }

    private int Bucket(ulong hash) => (int)(hash >> _bucketShift);

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

        // Next entry of the bucket chain (-1: none); on the free list, the next free entry.
        public int Next;

        public int Offset;

        // -1: a free entry.
        public int Length;
    }
}
