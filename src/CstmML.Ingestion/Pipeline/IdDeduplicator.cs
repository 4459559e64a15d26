namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Drops repeated alert ids with bounded memory: an id is remembered until the newest event time seen passes its
/// own time by <see cref="Window"/>, and the most recent <see cref="MinRemembered"/> ids are always kept, so inputs of
/// that size are de-duplicated exactly whatever their time order (e.g. the same export read twice, weeks apart in
/// event time). A repeat that arrives after its first copy was forgotten passes (documented).
/// </summary>
public sealed class IdDeduplicator
{
    /// <summary>Ids kept regardless of the window (about 30 MB): exact de-duplication for inputs up to this size.</summary>
    public const int MinRemembered = 262_144;

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _byTime = new();
    private DateTimeOffset _maxTime = DateTimeOffset.MinValue;

    public IdDeduplicator(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Window = window;
    }

    /// <summary>How long, in event time, an id is remembered.</summary>
    public TimeSpan Window { get; }

    /// <summary>Ids currently remembered.</summary>
    public int Count => _ids.Count;

    /// <summary>True when <paramref name="id"/> was seen within the window (the record should be dropped); otherwise remembers it.</summary>
    public bool IsDuplicate(string id, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_ids.Add(id))
        {
            return true;
        }

        // Eviction only removes ids already queued, so the id just added stays.
        if (time > _maxTime)
        {
            _maxTime = time;
            Evict();
        }

        _byTime.Enqueue(id, time);
        return false;
    }

    private void Evict()
    {
        var horizon = _maxTime - Window;
        while (_ids.Count > MinRemembered && _byTime.TryPeek(out var id, out var t) && t < horizon)
        {
            _byTime.Dequeue();
            _ids.Remove(id);
        }
    }
}
