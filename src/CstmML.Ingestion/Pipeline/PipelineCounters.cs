using System.Runtime.InteropServices;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;

namespace CstmML.Ingestion.Pipeline;

/// <summary>Running counts of one pipeline run: read = normalized + rejected + duplicate.</summary>
public sealed class PipelineCounters
{
    private readonly Dictionary<string, long> _byFormat = new(StringComparer.Ordinal);
    private readonly Dictionary<(AlertProduct Product, string Type), long> _unmapped = [];
    private readonly Dictionary<string, long> _notes = new(StringComparer.Ordinal);
    private long _overflowNotes;

    /// <summary>Files opened.</summary>
    public long Files { get; internal set; }

    /// <summary>Records read (every record and every rejected region counts once).</summary>
    public long Read => Normalized + Rejected + Duplicate;

    public long Normalized { get; internal set; }

    public long Rejected { get; internal set; }

    public long Duplicate { get; internal set; }

    /// <summary>Records per detected (or forced) source name.</summary>
    public IReadOnlyDictionary<string, long> ByFormat => _byFormat;

    // One hash lookup per count (these run once per record).
    internal void CountFormat(string name) => CollectionsMarshal.GetValueRefOrAddDefault(_byFormat, name, out _)++;

    internal void CountUnmapped(AlertProduct product, string type) =>
        CollectionsMarshal.GetValueRefOrAddDefault(_unmapped, (product, type), out _)++;

    internal void CountNotes(IReadOnlyList<string> notes)
    {
        foreach (var n in notes)
        {
            if (_notes.TryGetValue(n, out var c))
            {
                _notes[n] = c + 1;
            }
            else if (_notes.Count < PipelineDefaults.MaxDistinctNotes)
            {
                _notes[n] = 1;
            }
            else
            {
                _overflowNotes++;
            }
        }
    }

    /// <summary>Unmapped alert types, most frequent first (ties by product, then type).</summary>
    public IReadOnlyList<TypeCount> Unmapped() =>
        [.. _unmapped.Select(kv => new TypeCount(kv.Key.Product, kv.Key.Type, kv.Value))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Product).ThenBy(t => t.Type, StringComparer.Ordinal)];

    /// <summary>Distinct notes, most frequent first; the overflow beyond the cap is one note.</summary>
    public IReadOnlyList<NoteCount> Notes()
    {
        var list = _notes.Select(kv => new NoteCount(kv.Key, kv.Value))
            .OrderByDescending(n => n.Count).ThenBy(n => n.Note, StringComparer.Ordinal).ToList();
        if (_overflowNotes > 0)
        {
            list.Add(new NoteCount($"(other notes beyond the first {PipelineDefaults.MaxDistinctNotes} distinct)", _overflowNotes));
        }

        return list;
    }

    /// <summary>The summary record of these counts.</summary>
    public RunSummary ToSummary(string command, TimeSpan elapsed) => new()
    {
        Command = command,
        Files = Files,
        Read = Read,
        Normalized = Normalized,
        Rejected = Rejected,
        Duplicate = Duplicate,
        ByFormat = new SortedDictionary<string, long>(_byFormat, StringComparer.Ordinal),
        Unmapped = Unmapped(),
        Notes = Notes(),
        ElapsedMs = Math.Round(elapsed.TotalMilliseconds, 1),
    };
}
