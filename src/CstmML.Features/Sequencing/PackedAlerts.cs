using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using CstmML.Core.Alerts;

namespace CstmML.Features.Sequencing;

/// <summary>
/// The alerts one sequencing key holds while its sessions are open, packed as byte records in pages instead of kept as
/// objects. A batch run holds every alert of the allowed lateness (a day by default) this way: as objects that is about
/// seven heap objects and ~650 bytes per alert, all promoted and re-marked by every collection; packed it is a 24-byte
/// entry without references and a ~120-byte record in a native page (<see cref="PackedPages"/>), which the collector
/// neither scans nor moves; records are never copied once placed. Alerts are unpacked, equal to what was added
/// (<see cref="NormalizedAlert"/> record equality, the same technique, tactic and mapping lists), when their session is
/// emitted. Repeated strings (type, region, user agent, ...) are shared through a <see cref="PackedStrings"/> table.
/// </summary>
internal sealed unsafe class PackedAlerts(PackedStrings strings, PackedPages? pages = null)
{
    private const int NullString = -1;

    // Records of one key start in a small page of their own; later pages are shared-pool pages.
    private const int FirstPageBytes = 1024;

    // An entry held as the alert object itself (not packed): its Page.
    private const int Held = -1;

    // Added to the length of an inline string stored one byte per character (all its code units are below 256).
    private const int Narrow = 1 << 29;

    private readonly PackedPages _pages = pages ?? new PackedPages();
    // The entries, in a pooled array (_entries[0, _count)): a key's buffer comes and goes with its sessions, and as a
    // growing list it was re-grown for every session, about 48 bytes allocated per alert.
    private Entry[] _entries = [];
    private int _count;

    // Entries before _head were removed (RemoveFirst): dropped from the list only once they are half of it, so closing
    // a session does not shift the rest of a busy key's entries each time.
    private int _head;

    // Pages by number: _slots[i] (i < _slotCount) is page _firstPage + i (Page null once free), with its address, length
    // and live records side by side, so placing a record reads one slot, not a page list, a page object and a count list
    // (each a cache miss: a key's structures are cold by its next alert).
    private PageSlot[] _slots = [];
    private int _slotCount;
    private int _firstPage;
    private int _used;

    // Alerts kept as objects (Add with pack: false), by entry Offset; and list triples the shared table had no room for.
    private List<NormalizedAlert?>? _held;
    private int _heldLive;

    // Records of entries taken out by Detach that still occupy their pages (until ReleaseDetached or Reattach).
    private int _detached;
    private List<MappedLists>? _overflow;

    /// <summary>Alerts held.</summary>
    public int Count => _count - _head;

    /// <summary>The UTC ticks of the event time of alert <paramref name="i"/>.</summary>
    public long TicksAt(int i) => _entries[_head + i].Ticks;

    /// <summary>
    /// Adds one alert at the end: packed, or kept as the object itself when <paramref name="pack"/> is false (few
    /// alerts held: packing then unpacking them at once would only cost time).
    /// </summary>
    public void Add(NormalizedAlert alert, bool pack = true)
    {
        if (!pack)
        {
            var held = _held ??= [];
            Append(new Entry(alert.Time.UtcTicks, Held, held.Count, 0));
            held.Add(alert);
            _heldLive++;
            return;
        }

        var w = new Writer(_pages.Scratch, strings);
        w.Inline(alert.Id);
        w.Int16((short)alert.Time.Offset.TotalMinutes);
        if (alert.Ingested is { } ingested)
        {
            w.Byte(1);
            w.Int64(ingested.UtcTicks);
            w.Int16((short)ingested.Offset.TotalMinutes);
        }
        else
        {
            w.Byte(0);
        }

        w.Int32((int)alert.Provider);
        w.Int32((int)alert.Product);
        w.Shared(alert.Type);
        w.Shared(alert.PrincipalType);
        w.Inline(alert.SessionName);
        w.Shared(alert.Region);
        w.Inline(alert.SourceIp);
        w.Shared(alert.UserAgent);
        w.Inline(alert.AccessKeyId);
        w.Shared(alert.Outcome);
        w.Int64(BitConverter.DoubleToInt64Bits(alert.Severity));
        w.Shared(alert.Service);
        w.Shared(alert.RawRef.File);
        w.Int64(alert.RawRef.Line);
        if (alert.RawRef.Index is { } index)
        {
            w.Byte(1);
            w.Int64(index);
        }
        else
        {
            w.Byte(0);
        }

        _pages.Scratch = w.Buffer;
        var (page, offset) = Place(w.Buffer.AsSpan(0, w.Length));
        Append(new Entry(alert.Time.UtcTicks, page, offset, ListsCode(new MappedLists(alert.Techniques, alert.Tactics, alert.Mapping))));
    }

    /// <summary>
    /// Compares held alert <paramref name="i"/> with <paramref name="alert"/> in <see cref="SequenceBuilder.Order"/>
    /// (event time, then id ordinal).
    /// </summary>
    public int Compare(int i, NormalizedAlert alert)
    {
        var e = _entries[_head + i];
        var c = e.Ticks.CompareTo(alert.Time.UtcTicks);
        return c != 0 ? c : CompareIds(IdAt(e), View(alert.Id));
    }

    /// <summary>The id of held alert <paramref name="i"/>.</summary>
    public string IdOf(int i) => IdOf(_entries[_head + i]);

    /// <summary>The id of detached alert <paramref name="e"/> (<see cref="Detach"/>).</summary>
    public string IdOf(in Entry e) => e.Page == Held ? _held![e.Offset]!.Id : new Reader(PageOf(e), e.Offset, strings).String()!;

    /// <summary>Whether an alert with id <paramref name="id"/> is held (a linear scan: for the rare duplicate check).</summary>
    public bool ContainsId(string id) => ContainsId(id, _entries.AsSpan(_head, Count));

    /// <summary>Whether one of the detached <paramref name="entries"/> has id <paramref name="id"/> (a linear scan).</summary>
    public bool ContainsId(string id, ReadOnlySpan<Entry> entries)
    {
        var view = View(id);
        foreach (var e in entries)
        {
            if (CompareIds(IdAt(e), view) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every one of <paramref name="entries"/> is packed (none was added as an object).</summary>
    public static bool AllPacked(ReadOnlySpan<Entry> entries)
    {
        foreach (var e in entries)
        {
            if (e.Page == Held)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sorts the held alerts into <see cref="SequenceBuilder.Order"/>.</summary>
    public void Sort() => _entries.AsSpan(_head, Count).Sort((a, b) =>
    {
        var c = a.Ticks.CompareTo(b.Ticks);
        return c != 0 ? c : CompareIds(IdAt(a), IdAt(b));
    });

    /// <summary>Unpacks alerts [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="key"/>.</summary>
    public List<NormalizedAlert> Unpack(SequenceKey key, int from, int to)
    {
        var result = new List<NormalizedAlert>(to - from);
        var previous = default(Inlined);
        for (var i = from; i < to; i++)
        {
            var e = _entries[_head + i];
            result.Add(e.Page == Held ? _held![e.Offset]! : Unpack(key, e, ref previous));
        }

        return result;
    }

    /// <summary>Drops every alert and gives the pages back.</summary>
    public void Release()
    {
        for (var i = 0; i < _slotCount; i++)
        {
            if (_slots[i].Page is { } page)
            {
                _pages.Return(page);
            }
        }

        _slots = [];
        _slotCount = 0;
        ReturnEntries();
        _head = 0;
        _firstPage = 0;
        _used = 0;
        _held = null;
        _heldLive = 0;
        _detached = 0;
        _overflow = null;
    }

    /// <summary>Drops the first <paramref name="count"/> alerts; a page none of the others uses goes back to the pool.</summary>
    public void RemoveFirst(int count) => Remove(count, null);

    /// <summary>
    /// Removes the first <paramref name="count"/> alerts like <see cref="RemoveFirst"/> and returns their entries; a packed
    /// alert's record stays in its page until <see cref="ReleaseDetached"/> or <see cref="Reattach"/>. So an emitted
    /// session kept for re-opening is held as these entries (no references), not as alert objects that would outlive
    /// collections. Alerts added as objects are dropped at once: their returned entries are stale (see <see cref="AllPacked"/>).
    /// </summary>
    public Entry[] Detach(int count)
    {
        var taken = _entries.AsSpan(_head, count).ToArray();
        Remove(count, taken);
        return taken;
    }

    /// <summary>Frees the records of <paramref name="entries"/> from <see cref="Detach"/>; a page none of the others uses goes back to the pool.</summary>
    public void ReleaseDetached(ReadOnlySpan<Entry> entries)
    {
        var last = _firstPage + _slotCount - 1;
        foreach (var e in entries)
        {
            if (e.Page != Held)
            {
                _detached--;
                FreeRecord(e, last);
            }
        }

        TrimFreePages();
    }

    /// <summary>Puts detached packed <paramref name="entries"/> back at the end (a re-opened session); sort afterwards.</summary>
    public void Reattach(ReadOnlySpan<Entry> entries)
    {
        foreach (var e in entries)
        {
            if (e.Page == Held)
            {
                throw new InvalidOperationException("Only packed entries can be put back.");
            }

            Append(e);
            _detached--;
        }
    }

    private void Remove(int count, Entry[]? detach)
    {
        if (count == 0)
        {
            return;
        }

        if (detach is null && count == Count && _detached == 0)
        {
            Release();
            return;
        }

        // Records are never moved: a page is free once none of the alerts left is in it (out-of-order input may
        // leave a page partly used for longer; it is freed with its last alert).
        var last = _firstPage + _slotCount - 1;
        for (var i = 0; i < count; i++)
        {
            var e = _entries[_head + i];
            if (e.Page == Held)
            {
                _held![e.Offset] = null;
                if (--_heldLive == 0)
                {
                    _held.Clear();
                }

                continue;
            }

            if (detach is not null)
            {
                _detached++;
            }
            else
            {
                FreeRecord(e, last);
            }
        }

        _head += count;
        if (_head >= 64 && _head * 2 >= _count)
        {
            _entries.AsSpan(_head, _count - _head).CopyTo(_entries);
            _count -= _head;
            _head = 0;
        }

        TrimFreePages();
        if (_heldLive == 0 && _held is { Count: > 0 })
        {
            _held.Clear();
        }
    }

    private void Append(in Entry entry)
    {
        if (_count == _entries.Length)
        {
            var grown = ArrayPool<Entry>.Shared.Rent(Math.Max(16, _count * 2));
            _entries.AsSpan(0, _count).CopyTo(grown);
            if (_entries.Length > 0)
            {
                ArrayPool<Entry>.Shared.Return(_entries);
            }

            _entries = grown;
        }

        _entries[_count++] = entry;
    }

    // Gives the entry array back to the pool (no references in it: nothing to clear).
    private void ReturnEntries()
    {
        if (_entries.Length > 0)
        {
            ArrayPool<Entry>.Shared.Return(_entries);
        }

        _entries = [];
        _count = 0;
    }

    // One record fewer in its page; the page goes back to the pool once empty, unless it is the one being written.
    private void FreeRecord(in Entry e, int last)
    {
        ref var slot = ref _slots[e.Page - _firstPage];
        if (--slot.Live == 0 && e.Page != last)
        {
            _pages.Return(slot.Page!);
            slot = default;
        }
    }

    private void TrimFreePages()
    {
        var free = 0;
        while (free < _slotCount - 1 && _slots[free].Page is null)
        {
            free++;
        }

        if (free > 0)
        {
            Array.Copy(_slots, free, _slots, 0, _slotCount - free);
            Array.Clear(_slots, _slotCount - free, free);
            _slotCount -= free;
            _firstPage += free;
        }
    }

    // Copies one record into the current page, or a new one when it does not fit: returns its page number and offset.
    private (int Page, int Offset) Place(ReadOnlySpan<byte> record)
    {
        if (_slotCount == 0 || _slots[_slotCount - 1].Page is null || _used + record.Length > _slots[_slotCount - 1].Length)
        {
            // A key's first page is small and its own (most keys hold few alerts); then pool pages; a record larger
            // than a page (long inline strings) gets an array of its own.
            var page = _slotCount == 0 && record.Length <= FirstPageBytes ? new NativePage(FirstPageBytes)
                : record.Length <= PackedPages.PageBytes ? _pages.Rent()
                : new NativePage(record.Length);
            if (_slotCount == _slots.Length)
            {
                Array.Resize(ref _slots, Math.Max(4, _slotCount * 2));
            }

            _slots[_slotCount++] = new PageSlot { Page = page, Address = page.Address, Length = page.Length };
            _used = 0;
        }

        ref var slot = ref _slots[_slotCount - 1];
        var offset = _used;
        record.CopyTo(new Span<byte>((byte*)slot.Address + offset, record.Length));
        _used += record.Length;
        slot.Live++;
        return (_firstPage + _slotCount - 1, offset);
    }

    private int ListsCode(MappedLists lists)
    {
        if (strings.TryGetListsCode(lists, out var code))
        {
            return code;
        }

        // The shared table is full: this key keeps the triple itself, under a negative code.
        var overflow = _overflow ??= [];
        overflow.Add(lists);
        return -overflow.Count;
    }

    private MappedLists ListsOf(int code) => code >= 0 ? strings.Lists(code) : _overflow![-code - 1];

    private Span<byte> PageOf(in Entry e)
    {
        ref var slot = ref _slots[e.Page - _firstPage];
        ObjectDisposedException.ThrowIf(slot.Page is null, this);
        return new Span<byte>((void*)slot.Address, slot.Length);
    }

    private NormalizedAlert Unpack(SequenceKey key, in Entry e, ref Inlined previous)
    {
        var r = new Reader(PageOf(e), e.Offset, strings);
        var id = r.String()!;
        var time = new DateTimeOffset(e.Ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(r.Int16()));
        DateTimeOffset? ingested = r.Byte() == 1 ? new DateTimeOffset(r.Int64(), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(r.Int16())) : null;
        var provider = (CloudProvider)r.Int32();
        var product = (AlertProduct)r.Int32();
        var type = r.String()!;
        var principalType = r.String()!;
        // A session's alerts mostly repeat the same session name, address and key: one string each, not one per alert.
        var sessionName = r.String(previous.SessionName);
        var region = r.String();
        var sourceIp = r.String(previous.SourceIp);
        var userAgent = r.String();
        var accessKeyId = r.String(previous.AccessKeyId);
        var outcome = r.String()!;
        var severity = BitConverter.Int64BitsToDouble(r.Int64());
        var service = r.String();
        var file = r.String()!;
        var line = r.Int64();
        long? index = r.Byte() == 1 ? r.Int64() : null;
        previous = new Inlined(sessionName, sourceIp, accessKeyId);
        var lists = ListsOf(e.Lists);
        return new NormalizedAlert
        {
            Id = id,
            Time = time,
            Ingested = ingested,
            Provider = provider,
            Product = product,
            Type = type,
            Principal = key.Principal,
            PrincipalType = principalType,
            SessionName = sessionName,
            Account = key.Account,
            Region = region,
            SourceIp = sourceIp,
            UserAgent = userAgent,
            AccessKeyId = accessKeyId,
            Outcome = outcome,
            Severity = severity,
            Service = service,
            Techniques = lists.Techniques,
            Tactics = lists.Tactics,
            Mapping = lists.Mapping,
            RawRef = new RawRef(file, line, index),
        };
    }

    // The id is written first, inline: its code units, one or two bytes each.
    private IdView IdAt(in Entry e)
    {
        if (e.Page == Held)
        {
            return View(_held![e.Offset]!.Id);
        }

        var bytes = PageOf(e);
        var n = -BinaryPrimitives.ReadInt32LittleEndian(bytes[e.Offset..]) - 2;
        return n >= Narrow ? new IdView(bytes.Slice(e.Offset + 4, n - Narrow), true) : new IdView(bytes.Slice(e.Offset + 4, n * 2), false);
    }

    // Ordinal comparison of UTF-16 code units (string.CompareOrdinal), whichever way each side is stored.
    private static int CompareIds(IdView a, IdView b)
    {
        if (a.Narrow == b.Narrow)
        {
            return a.Narrow ? a.Units.SequenceCompareTo(b.Units) : MemoryMarshal.Cast<byte, char>(a.Units).SequenceCompareTo(MemoryMarshal.Cast<byte, char>(b.Units));
        }

        var (na, nb) = (Length(a), Length(b));
        for (var i = 0; i < Math.Min(na, nb); i++)
        {
            var c = UnitAt(a, i).CompareTo(UnitAt(b, i));
            if (c != 0)
            {
                return c;
            }
        }

        return na.CompareTo(nb);
    }

    private static int Length(IdView id) => id.Narrow ? id.Units.Length : id.Units.Length / 2;

    private static char UnitAt(IdView id, int i) =>
        id.Narrow ? (char)id.Units[i] : MemoryMarshal.Cast<byte, char>(id.Units)[i];

    private static IdView View(string id) => new(MemoryMarshal.AsBytes(id.AsSpan()), false);

    // A page in use (Page null: freed), its bytes' address and length (read without touching the page object), and how
    // many records in it are still held (buffered or detached).
    private struct PageSlot
    {
        public NativePage? Page;
        public nint Address;
        public int Length;
        public int Live;
    }

    /// <summary>
    /// One held alert: its event time, and where its record is (page number and offset; page -1: the alert object is
    /// _held[Offset]); Lists: the code of its technique, tactic and mapping lists.
    /// </summary>
    internal readonly record struct Entry(long Ticks, int Page, int Offset, int Lists);

    // The inline strings of the alert unpacked before, reused when the next one repeats them.
    private readonly record struct Inlined(string? SessionName, string? SourceIp, string? AccessKeyId);

    // An id's code units as stored: one byte each (Narrow) or UTF-16.
    private readonly ref struct IdView(ReadOnlySpan<byte> units, bool narrow)
    {
        public ReadOnlySpan<byte> Units { get; } = units;

        public bool Narrow { get; } = narrow;
    }

    // Builds one record in a scratch buffer (grown as needed), so a record is never split across pages.
    private ref struct Writer(byte[] buffer, PackedStrings strings)
    {
        public byte[] Buffer { get; private set; } = buffer;

        public int Length { get; private set; }

        public void Byte(byte value) => Reserve(1)[0] = value;

        public void Int16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), value);

        public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

        public void Int64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

        // A string from the shared table when it has room (most fields repeat), else inline.
        public void Shared(string? value)
        {
            if (value is null)
            {
                Int32(NullString);
            }
            else if (strings.TryGetCode(value, out var code))
            {
                Int32(code);
            }
            else
            {
                Inline(value);
            }
        }

        // Inline (values unique to the alert: id, IP, key, session): -(length + 2), then one byte per code unit when
        // all are below 256 (ids, IPs and keys are ASCII), else the UTF-16 code units, with Narrow added to the length.
        public void Inline(string? value)
        {
            if (value is null)
            {
                Int32(NullString);
                return;
            }

            if (value.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF'))
            {
                Int32(-(value.Length + 2));
                MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(Reserve(value.Length * 2));
            }
            else
            {
                Int32(-(value.Length + Narrow + 2));
                Encoding.Latin1.GetBytes(value, Reserve(value.Length));
            }
        }

        private Span<byte> Reserve(int n)
        {
            if (Length + n > Buffer.Length)
            {
                var grown = new byte[Math.Max(Buffer.Length * 2, Length + n)];
                Buffer.AsSpan(0, Length).CopyTo(grown);
                Buffer = grown;
            }

            var span = Buffer.AsSpan(Length, n);
            Length += n;
            return span;
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes, int offset, PackedStrings strings)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at = offset;

        public byte Byte() => _bytes[_at++];

        public short Int16()
        {
            var v = BinaryPrimitives.ReadInt16LittleEndian(_bytes[_at..]);
            _at += 2;
            return v;
        }

        public int Int32()
        {
            var v = BinaryPrimitives.ReadInt32LittleEndian(_bytes[_at..]);
            _at += 4;
            return v;
        }

        public long Int64()
        {
            var v = BinaryPrimitives.ReadInt64LittleEndian(_bytes[_at..]);
            _at += 8;
            return v;
        }

        // Either form: null, a table code, or inline code units; an inline value equal to <paramref name="same"/> is
        // returned as that instance.
        public string? String(string? same = null)
        {
            var code = Int32();
            if (code == NullString)
            {
                return null;
            }

            if (code >= 0)
            {
                return strings[code];
            }

            var n = -code - 2;
            if (n >= Narrow)
            {
                var units = _bytes.Slice(_at, n - Narrow);
                _at += units.Length;
                return same is not null && SameLatin1(units, same) ? same : Encoding.Latin1.GetString(units);
            }

            var chars = MemoryMarshal.Cast<byte, char>(_bytes.Slice(_at, n * 2));
            _at += n * 2;
            return same is not null && chars.SequenceEqual(same) ? same : new string(chars);
        }

        private static bool SameLatin1(ReadOnlySpan<byte> units, string value)
        {
            if (units.Length != value.Length)
            {
                return false;
            }

            for (var i = 0; i < units.Length; i++)
            {
                if (units[i] != value[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
