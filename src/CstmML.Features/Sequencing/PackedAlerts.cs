using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using CstmML.Core.Alerts;

namespace CstmML.Features.Sequencing;

/// <summary>
/// The alerts one sequencing key holds while its sessions are open, packed into one byte buffer instead of kept as
/// objects. A batch run holds every alert of the allowed lateness (a day by default) this way: as objects that is about
/// seven heap objects and ~650 bytes per alert, all promoted and re-marked by every collection; packed it is one
/// entry and ~150 bytes, which the collector never scans. Alerts are unpacked, equal to what was added
/// (<see cref="NormalizedAlert"/> record equality, the same technique, tactic and mapping lists), when their session is
/// emitted. Repeated strings (type, region, user agent, ...) are shared through a <see cref="PackedStrings"/> table.
/// </summary>
internal sealed class PackedAlerts(PackedStrings strings)
{
    private const int NullString = -1;
    private const int InitialBytes = 1024;

    // Added to the length of an inline string stored one byte per character (all its code units are below 256).
    private const int Narrow = 1 << 29;

    private readonly List<Entry> _entries = [];
    private byte[] _bytes = [];
    private int _used;

    /// <summary>Alerts held.</summary>
    public int Count => _entries.Count;

    /// <summary>The UTC ticks of the event time of alert <paramref name="i"/>.</summary>
    public long TicksAt(int i) => _entries[i].Ticks;

    /// <summary>Adds one alert at the end.</summary>
    public void Add(NormalizedAlert alert)
    {
        var start = _used;
        WriteInline(alert.Id);
        WriteInt16((short)alert.Time.Offset.TotalMinutes);
        if (alert.Ingested is { } ingested)
        {
            WriteByte(1);
            WriteInt64(ingested.UtcTicks);
            WriteInt16((short)ingested.Offset.TotalMinutes);
        }
        else
        {
            WriteByte(0);
        }

        WriteInt32((int)alert.Provider);
        WriteInt32((int)alert.Product);
        WriteShared(alert.Type);
        WriteShared(alert.PrincipalType);
        WriteInline(alert.SessionName);
        WriteShared(alert.Region);
        WriteInline(alert.SourceIp);
        WriteShared(alert.UserAgent);
        WriteInline(alert.AccessKeyId);
        WriteShared(alert.Outcome);
        WriteInt64(BitConverter.DoubleToInt64Bits(alert.Severity));
        WriteShared(alert.Service);
        WriteShared(alert.RawRef.File);
        WriteInt64(alert.RawRef.Line);
        if (alert.RawRef.Index is { } index)
        {
            WriteByte(1);
            WriteInt64(index);
        }
        else
        {
            WriteByte(0);
        }

        _entries.Add(new Entry(alert.Time.UtcTicks, start, _used - start, alert.Techniques, alert.Tactics, alert.Mapping));
    }

    /// <summary>
    /// Compares held alert <paramref name="i"/> with <paramref name="alert"/> in <see cref="SequenceBuilder.Order"/>
    /// (event time, then id ordinal).
    /// </summary>
    public int Compare(int i, NormalizedAlert alert)
    {
        var c = _entries[i].Ticks.CompareTo(alert.Time.UtcTicks);
        return c != 0 ? c : CompareIds(IdAt(_bytes, _entries[i].Offset), View(alert.Id));
    }

    /// <summary>The id of held alert <paramref name="i"/>.</summary>
    public string IdOf(int i) => new Reader(_bytes, _entries[i].Offset, strings).String()!;

    /// <summary>Whether an alert with id <paramref name="id"/> is held (a linear scan: for the rare duplicate check).</summary>
    public bool ContainsId(string id)
    {
        var view = View(id);
        foreach (var e in _entries)
        {
            if (CompareIds(IdAt(_bytes, e.Offset), view) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sorts the held alerts into <see cref="SequenceBuilder.Order"/>.</summary>
    public void Sort()
    {
        var entries = CollectionsMarshal.AsSpan(_entries);
        var bytes = _bytes;
        entries.Sort((a, b) =>
        {
            var c = a.Ticks.CompareTo(b.Ticks);
            return c != 0 ? c : CompareIds(IdAt(bytes, a.Offset), IdAt(bytes, b.Offset));
        });
    }

    /// <summary>Unpacks alerts [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="key"/>.</summary>
    public List<NormalizedAlert> Unpack(SequenceKey key, int from, int to)
    {
        var result = new List<NormalizedAlert>(to - from);
        for (var i = from; i < to; i++)
        {
            result.Add(Unpack(key, _entries[i]));
        }

        return result;
    }

    /// <summary>Drops every alert and the buffer itself.</summary>
    public void Release()
    {
        _entries.Clear();
        _entries.TrimExcess();
        _bytes = [];
        _used = 0;
    }

    /// <summary>Drops the first <paramref name="count"/> alerts and compacts the buffer.</summary>
    public void RemoveFirst(int count)
    {
        if (count == 0)
        {
            return;
        }

        if (count == _entries.Count)
        {
            _entries.Clear();
            _used = 0;
            // A key that emptied keeps no large buffer: the next session of a busy key grows it again.
            if (_bytes.Length > InitialBytes * 16)
            {
                _bytes = [];
            }

            return;
        }

        _entries.RemoveRange(0, count);
        Compact();
    }

    // Moves the records still held to the front of the buffer, in entry order. After an out-of-order alert was sorted
    // in, entry order is not buffer order: those records are copied through a new buffer, so no gap is ever kept.
    private void Compact()
    {
        var entries = CollectionsMarshal.AsSpan(_entries);
        var ascending = true;
        var contiguous = entries[0].Length;
        for (var i = 1; i < entries.Length && ascending; i++)
        {
            ascending = entries[i].Offset > entries[i - 1].Offset;
            contiguous += entries[i].Length;
        }

        // The usual case (input in time order): the records left are one run at the end of the buffer, moved at once.
        var first = entries[0].Offset;
        if (ascending && contiguous == _used - first)
        {
            Buffer.BlockCopy(_bytes, first, _bytes, 0, contiguous);
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = entries[i] with { Offset = entries[i].Offset - first };
            }

            _used = contiguous;
            return;
        }

        var target = ascending ? _bytes : new byte[_bytes.Length];
        var at = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            ref var e = ref entries[i];
            Buffer.BlockCopy(_bytes, e.Offset, target, at, e.Length);
            e = e with { Offset = at };
            at += e.Length;
        }

        _bytes = target;
        _used = at;
    }

    private NormalizedAlert Unpack(SequenceKey key, in Entry e)
    {
        var r = new Reader(_bytes, e.Offset, strings);
        var id = r.String()!;
        var time = new DateTimeOffset(e.Ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(r.Int16()));
        DateTimeOffset? ingested = r.Byte() == 1 ? new DateTimeOffset(r.Int64(), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(r.Int16())) : null;
        var provider = (CloudProvider)r.Int32();
        var product = (AlertProduct)r.Int32();
        var type = r.String()!;
        var principalType = r.String()!;
        var sessionName = r.String();
        var region = r.String();
        var sourceIp = r.String();
        var userAgent = r.String();
        var accessKeyId = r.String();
        var outcome = r.String()!;
        var severity = BitConverter.Int64BitsToDouble(r.Int64());
        var service = r.String();
        var file = r.String()!;
        var line = r.Int64();
        long? index = r.Byte() == 1 ? r.Int64() : null;
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
            Techniques = e.Techniques,
            Tactics = e.Tactics,
            Mapping = e.Mapping,
            RawRef = new RawRef(file, line, index),
        };
    }

    // The id is written first, inline: its code units, one or two bytes each.
    private static IdView IdAt(byte[] bytes, int offset)
    {
        var n = -BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset)) - 2;
        return n >= Narrow ? new IdView(bytes.AsSpan(offset + 4, n - Narrow), true) : new IdView(bytes.AsSpan(offset + 4, n * 2), false);
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

    // A string from the shared table when it has room (most fields repeat), else inline.
    private void WriteShared(string? value)
    {
        if (value is null)
        {
            WriteInt32(NullString);
        }
        else if (strings.TryGetCode(value, out var code))
        {
            WriteInt32(code);
        }
        else
        {
            WriteInline(value);
        }
    }

    // Inline (values unique to the alert: id, IP, key, session): -(length + 2), then one byte per code unit when all
    // are below 256 (ids, IPs and keys are ASCII), else the UTF-16 code units, with Narrow added to the length.
    private void WriteInline(string? value)
    {
        if (value is null)
        {
            WriteInt32(NullString);
            return;
        }

        if (value.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF'))
        {
            WriteInt32(-(value.Length + 2));
            MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(Reserve(value.Length * 2));
        }
        else
        {
            WriteInt32(-(value.Length + Narrow + 2));
            Encoding.Latin1.GetBytes(value, Reserve(value.Length));
        }
    }

    private void WriteByte(byte value) => Reserve(1)[0] = value;

    private void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), value);

    private void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    private void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    private Span<byte> Reserve(int n)
    {
        if (_used + n > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(Math.Max(InitialBytes, _bytes.Length + (_bytes.Length >> 1)), _used + n));
        }

        var span = _bytes.AsSpan(_used, n);
        _used += n;
        return span;
    }

    private readonly record struct Entry(
        long Ticks,
        int Offset,
        int Length,
        IReadOnlyList<TechniqueId> Techniques,
        IReadOnlyList<TacticId> Tactics,
        IReadOnlyList<TechniqueMapping> Mapping);

    // An id's code units as stored: one byte each (Narrow) or UTF-16.
    private readonly ref struct IdView(ReadOnlySpan<byte> units, bool narrow)
    {
        public ReadOnlySpan<byte> Units { get; } = units;

        public bool Narrow { get; } = narrow;
    }

    private ref struct Reader(byte[] bytes, int offset, PackedStrings strings)
    {
        private int _at = offset;

        public byte Byte() => bytes[_at++];

        public short Int16()
        {
            var v = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(_at));
            _at += 2;
            return v;
        }

        public int Int32()
        {
            var v = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(_at));
            _at += 4;
            return v;
        }

        public long Int64()
        {
            var v = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(_at));
            _at += 8;
            return v;
        }

        // Either form: null, a table code, or inline code units.
        public string? String()
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
                var narrow = Encoding.Latin1.GetString(bytes, _at, n - Narrow);
                _at += n - Narrow;
                return narrow;
            }

            var value = new string(MemoryMarshal.Cast<byte, char>(bytes.AsSpan(_at, n * 2)));
            _at += n * 2;
            return value;
        }
    }
}
