using System.Runtime.CompilerServices;

namespace CstmML.Features.Sequencing;

/// <summary>
/// The strings that <see cref="PackedAlerts"/> of one <see cref="Sequencer"/> share: each distinct value is stored once
/// and referred to by a code. Bounded: once <see cref="Capacity"/> values are known, new values are packed inline by
/// the caller instead, so a field with ever-new values cannot grow it without limit. Not thread-safe (like the sequencer).
/// </summary>
internal sealed class PackedStrings(int capacity = PackedStrings.DefaultCapacity)
{
    /// <summary>Enough for every alert type, region, service, user agent and source file of a large estate.</summary>
    public const int DefaultCapacity = 1 << 16;

    // Recently coded string instances by identity: ingestion hands out the same instance for a repeated value
    // (its string caches), so most lookups are one reference comparison instead of hashing the text.
    private const int RecentSlots = 1024;

    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<MappedLists, int> _listCodes = [];
    private readonly List<MappedLists> _lists = [];
    private readonly List<string> _values = [];
    private readonly (string? Value, int Code)[] _recent = new (string?, int)[RecentSlots];

    /// <summary>Most distinct values the table holds.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Distinct values held.</summary>
    public int Count => _values.Count;

    /// <summary>The value of <paramref name="code"/>.</summary>
    public string this[int code] => _values[code];

    /// <summary>Distinct technique, tactic and mapping list triples held.</summary>
    public int ListCount => _lists.Count;

    /// <summary>The lists of <paramref name="code"/> (from <see cref="TryGetListsCode"/>).</summary>
    public MappedLists Lists(int code) => _lists[code];

    /// <summary>
    /// The code of an alert's technique, tactic and mapping lists, by instance: ingestion hands out one instance per
    /// distinct value, so a run has few triples. False when <see cref="Capacity"/> triples are known.
    /// </summary>
    public bool TryGetListsCode(MappedLists lists, out int code)
    {
        if (_listCodes.TryGetValue(lists, out code))
        {
            return true;
        }

        if (_lists.Count >= Capacity)
        {
            return false;
        }

        code = _lists.Count;
        _lists.Add(lists);
        _listCodes.Add(lists, code);
        return true;
    }

    /// <summary>The code of <paramref name="value"/>, adding it while there is room; false when the table is full.</summary>
    public bool TryGetCode(string value, out int code)
    {
        ref var recent = ref _recent[RuntimeHelpers.GetHashCode(value) & (RecentSlots - 1)];
        if (ReferenceEquals(recent.Value, value))
        {
            code = recent.Code;
            return true;
        }

        if (_codes.TryGetValue(value, out code))
        {
            recent = (value, code);
            return true;
        }

        if (_values.Count >= Capacity)
        {
            return false;
        }

        code = _values.Count;
        _values.Add(value);
        _codes.Add(value, code);
        recent = (value, code);
        return true;
    }
}
