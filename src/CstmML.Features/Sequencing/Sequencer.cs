using System.IO.Hashing;
using System.Runtime.InteropServices;
using CstmML.Core.Alerts;
using CstmML.Core.Sequences;

namespace CstmML.Features.Sequencing;

/// <summary>
/// Groups alerts into per-principal sessions as they stream in, in any order. Alerts are buffered per
/// (account, principal); a session is emitted once the event-time watermark (newest event time minus
/// <see cref="SequencerOptions.Lateness"/>) has passed the point where no on-time event could still extend it.
/// A late alert (older than the watermark) is never dropped: it re-opens an emitted session it falls within
/// <see cref="SequencerOptions.MaxGap"/> of, if that session is still retained (<see cref="SequenceUpdateKind.Revised"/>,
/// raising <see cref="SessionReopened"/>), and otherwise starts or joins a session of its own, counted as late.
/// Serves batch runs (call <see cref="Flush"/> at the end) and long-running hosts alike. Not thread-safe.
/// </summary>
public sealed class Sequencer
{
    // Fewer alerts than this held in all are kept as objects: packing pays off only for alerts held long (a batch run's
    // day of lateness), not for a request's few sessions that are emitted at once.
    private const int DefaultPackAbove = 4096;

    private static readonly SequenceUpdate[] NoUpdates = [];

    private readonly SequencerOptions _options;
    private readonly int _packAbove;
    private readonly Dictionary<SequenceKey, KeyState> _keys = [];
    private readonly PackedStrings _strings = new();
    private readonly PackedPages _pages = new();
    private readonly HeldIds _heldIds = new();
    private long _keySerial;
    private readonly PriorityQueue<SequenceKey, (DateTimeOffset At, SequenceKey Key)> _schedule = new(ScheduleOrder.Instance);
    private DateTimeOffset? _maxSeen;
    private long _alerts;
    private long _duplicates;
    private long _late;
    private long _reopened;
    private long _emitted;
    private long _buffered;

    public Sequencer(SequencerOptions? options = null)
        : this(options, options?.PackHeldAlerts == false ? int.MaxValue : DefaultPackAbove)
    {
    }

    /// <summary>A sequencer that packs alerts once it holds <paramref name="packAbove"/> (tests run both ways).</summary>
    internal Sequencer(SequencerOptions? options, int packAbove)
    {
        _options = (options ?? new SequencerOptions()).Validate();
        _packAbove = packAbove;
    }

    /// <summary>Raised when a late alert has re-opened emitted sessions and their revision is emitted (for re-scoring).</summary>
    public event EventHandler<SequenceUpdate>? SessionReopened;

    /// <summary>The options in use.</summary>
    public SequencerOptions Options => _options;

    /// <summary>Newest event time seen minus the allowed lateness; null before the first alert.</summary>
    public DateTimeOffset? Watermark => _maxSeen is { } max
        ? (max - DateTimeOffset.MinValue < _options.Lateness ? DateTimeOffset.MinValue : max - _options.Lateness)
        : null;

    /// <summary>A snapshot of the counters.</summary>
    public SequencerStats Stats => new()
    {
        Alerts = _alerts,
        Duplicates = _duplicates,
        LateAlerts = _late,
        Reopened = _reopened,
        Emitted = _emitted,
        Buffered = _buffered,
    };

    /// <summary>Adds one alert and returns the sequences that this closed or revised (often none).</summary>
    public IReadOnlyList<SequenceUpdate> Add(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var key = new SequenceKey(alert.Account, alert.Principal);
        if (!_keys.TryGetValue(key, out var state))
        {
            state = new KeyState(_strings, _pages, _heldIds, _keySerial++);
            _keys[key] = state;
        }

        if (!state.AddId(alert.Id))
        {
            _duplicates++;
            return [];
        }

        _alerts++;
        if (Watermark is { } wm && alert.Time < wm)
        {
            _late++;
            state.LateIds.Add(alert.Id);
            Reopen(state, alert.Time);
        }

        if (state.Buffer.Count > 0 && state.Buffer.Compare(state.Buffer.Count - 1, alert) > 0)
        {
            state.Unsorted = true;
        }

        state.Buffer.Add(alert, pack: _buffered >= _packAbove);
        _buffered++;
        if (_maxSeen is not { } max || alert.Time > max)
        {
            _maxSeen = alert.Time;
        }

        Schedule(key, state, alert.Time);
        return Advance();
    }

    /// <summary>Emits every open session (end of input) in start-time, then key order; retained sessions are released.</summary>
    public IReadOnlyList<SequenceUpdate> Flush() => [.. FlushInOrder()];

    /// <summary>
    /// <see cref="Flush"/> one session at a time, in the same order: each is unpacked only when it is reached, so the
    /// end of a batch run (every open session closing at once) holds no more in memory than the run itself.
    /// Enumerate it to the end.
    /// </summary>
    public IEnumerable<SequenceUpdate> FlushInOrder()
    {
        var sessions = new List<FlushedSession>();
        foreach (var key in _keys.Keys.Order().ToArray())
        {
            var state = _keys[key];
            if (state.Unsorted)
            {
                state.Buffer.Sort();
                state.Unsorted = false;
            }

            for (var from = 0; from < state.Buffer.Count;)
            {
                var end = SessionEnd(state.Buffer, from);
                var start = state.Buffer.TicksAt(from);
                var id = SequenceBuilder.SequenceId(key.Account, key.Principal, Utc(start), state.Buffer.IdOf(from));
                sessions.Add(new FlushedSession(key, state, from, end, start, id));
                state.Unflushed++;
                from = end;
            }
        }

        // Everything still open closes at once: emit in event-time order, then key, so output reads chronologically.
        sessions.Sort(static (a, b) =>
        {
            var c = a.Start.CompareTo(b.Start);
            c = c != 0 ? c : a.Key.CompareTo(b.Key);
            return c != 0 ? c : string.CompareOrdinal(a.SequenceId, b.SequenceId);
        });
        foreach (var f in sessions)
        {
            var update = Emit(f.Key, f.State, f.State.Buffer.Unpack(f.Key, f.From, f.To));
            if (--f.State.Unflushed == 0)
            {
                // The key's last session is out: its packed buffer goes now, not at the end of the whole flush.
                _buffered -= f.State.Buffer.Count;
                f.State.Buffer.Release();
            }

            yield return update;
        }

        _keys.Clear();
        _heldIds.Clear();
        _schedule.Clear();
    }

    // Moves retained sessions the late alert falls within max-gap of back into the open buffer.
    private void Reopen(KeyState state, DateTimeOffset time)
    {
        for (var i = state.Retained.Count - 1; i >= 0; i--)
        {
            var s = state.Retained[i];
            if (time >= s.Start - _options.MaxGap && time <= s.End + _options.MaxGap)
            {
                state.Retained.RemoveAt(i);
                if (s.Entries is { } entries)
                {
                    // Packed records never left their pages: the entries go back as they are.
                    state.Buffer.Reattach(entries);
                    foreach (var e in entries)
                    {
                        state.ReopenedFrom[state.Buffer.IdOf(e)] = s.SequenceId;
                    }
                }
                else
                {
                    foreach (var a in s.Alerts!)
                    {
                        state.Buffer.Add(a, pack: _buffered >= _packAbove);
                        state.ReopenedFrom[a.Id] = s.SequenceId;
                    }
                }

                state.Unsorted = true;

                _buffered += s.Count;
                _reopened++;
            }
        }
    }

    private SequenceUpdate[] Advance()
    {
        if (Watermark is not { } wm)
        {
            return NoUpdates;
        }

        // Most alerts close nothing: allocate the result list only when a key is due.
        List<SequenceUpdate>? results = null;
        while (_schedule.TryPeek(out var key, out var at) && at.At < wm)
        {
            _schedule.Dequeue();
            if (_keys.TryGetValue(key, out var state) && state.CheckAt == at.At)
            {
                Close(key, state, results ??= []);
            }
        }

        return results is null ? NoUpdates : results.ToArray();
    }

    // Emits the leading sessions of a key that no on-time event can still change, then reschedules the key.
    private void Close(SequenceKey key, KeyState state, List<SequenceUpdate> results)
    {
        var wm = Watermark ?? DateTimeOffset.MinValue;
        if (state.Unsorted)
        {
            state.Buffer.Sort();
            state.Unsorted = false;
        }

        var consumed = 0;
        DateTimeOffset? nextCheck = null;
        List<(int From, int To, List<NormalizedAlert> Alerts, AlertSequence Sequence)>? emitted = null;
        while (consumed < state.Buffer.Count)
        {
            var end = SessionEnd(state.Buffer, consumed);
            var start = Utc(state.Buffer.TicksAt(consumed));
            var last = Utc(state.Buffer.TicksAt(end - 1));
            var bound = Min(last + _options.MaxGap, start + _options.MaxSpan);
            if (wm <= bound)
            {
                nextCheck = bound;
                break;
            }

            var alerts = state.Buffer.Unpack(key, consumed, end);
            var update = Emit(key, state, alerts);
            results.Add(update);
            (emitted ??= []).Add((consumed, end, alerts, update.Sequence));
            consumed = end;
        }

        // Emitted sessions are retained for re-opening as their packed entries (their records stay in their pages), so
        // the alert objects just made die with the scoring of the session instead of being held for the horizon.
        if (emitted is not null)
        {
            var taken = state.Buffer.Detach(consumed);
            foreach (var (from, to, alerts, sequence) in emitted)
            {
                var entries = taken.AsSpan(from, to - from);
                if (PackedAlerts.AllPacked(entries))
                {
                    // The held-id hashes are computed now, from the id strings just unpacked, not when the session is
                    // released from records long out of cache.
                    var held = new ulong[alerts.Count];
                    for (var i = 0; i < held.Length; i++)
                    {
                        held[i] = state.HeldHash(alerts[i].Id);
                    }

                    // One session (the usual close) keeps the detached array itself.
                    var own = from == 0 && to == taken.Length ? taken : entries.ToArray();
                    state.Retained.Add(new RetainedSession(sequence.SequenceId, sequence.Start, sequence.End, null, own, held));
                }
                else
                {
                    state.Buffer.ReleaseDetached(entries);
                    state.Retained.Add(new RetainedSession(sequence.SequenceId, sequence.Start, sequence.End, alerts, null, null));
                }
            }
        }

        _buffered -= consumed;

        // Retained sessions past the re-open horizon are released, with their ids.
        for (var i = state.Retained.Count - 1; i >= 0; i--)
        {
            var s = state.Retained[i];
            if (wm > s.End + _options.MaxGap + _options.ReopenHorizon)
            {
                state.Retained.RemoveAt(i);
                state.Forget(s);
            }
        }

        foreach (var s in state.Retained)
        {
            var expiry = s.End + _options.MaxGap + _options.ReopenHorizon;
            nextCheck = nextCheck is { } n && n <= expiry ? n : expiry;
        }

        if (nextCheck is { } next)
        {
            state.CheckAt = next;
            _schedule.Enqueue(key, (next, key));
        }
        else
        {
            // Nothing held or retained: the key goes, and its buffer's last page and entry array go back to their pools.
            state.Buffer.Release();
            _keys.Remove(key);
        }
    }

    private SequenceUpdate Emit(SequenceKey key, KeyState state, List<NormalizedAlert> alerts)
    {
        var sequence = SequenceBuilder.Build(key, alerts);
        List<string>? replaces = null;
        var late = 0;
        foreach (var a in alerts)
        {
            if (state.ReopenedFrom.Remove(a.Id, out var old) && !(replaces ??= []).Contains(old))
            {
                replaces.Add(old);
            }

            if (state.LateIds.Contains(a.Id))
            {
                late++;
            }
        }

        _emitted++;
        var update = new SequenceUpdate(sequence, replaces is null ? SequenceUpdateKind.Closed : SequenceUpdateKind.Revised, replaces ?? [], late);
        if (update.Kind == SequenceUpdateKind.Revised)
        {
            SessionReopened?.Invoke(this, update);
        }

        return update;
    }

    // The exclusive end of the session starting at buffer[from]: split on a gap longer than MaxGap or a span longer than MaxSpan.
    private int SessionEnd(PackedAlerts buffer, int from)
    {
        var start = buffer.TicksAt(from);
        var (gap, span) = (_options.MaxGap.Ticks, _options.MaxSpan.Ticks);
        var i = from + 1;
        while (i < buffer.Count && buffer.TicksAt(i) - buffer.TicksAt(i - 1) <= gap && buffer.TicksAt(i) - start <= span)
        {
            i++;
        }

        return i;
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private void Schedule(SequenceKey key, KeyState state, DateTimeOffset candidate)
    {
        // Checking early is harmless (the key is re-evaluated and rescheduled), so the alert's own time is a safe bound.
        if (state.CheckAt is { } current && current <= candidate)
        {
            return;
        }

        state.CheckAt = candidate;
        _schedule.Enqueue(key, (candidate, key));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private sealed record FlushedSession(SequenceKey Key, KeyState State, int From, int To, long Start, string SequenceId);

    // An emitted session kept for re-opening: as its packed entries, or (when some of its alerts were held as objects) the alerts.
    // (Held: the held-id hashes of the entries, same order.)
    private sealed record RetainedSession(string SequenceId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<NormalizedAlert>? Alerts, PackedAlerts.Entry[]? Entries, ulong[]? Held)
    {
        public int Count => Entries?.Length ?? Alerts!.Count;
    }

    // serial: the key's number, which salts its id hashes in the sequencer's shared table of held ids.
    private sealed class KeyState(PackedStrings strings, PackedPages pages, HeldIds ids, long serial)
    {
        /// <summary>The alerts of the open sessions, packed (they can be held for the whole allowed lateness).</summary>
        public PackedAlerts Buffer { get; } = new(strings, pages);

        // Ids seen again while held (true duplicates), so repeats skip the scan.
        private HashSet<string>? _confirmed;

        public HashSet<string> LateIds { get; } = new(StringComparer.Ordinal);

        public List<RetainedSession> Retained { get; } = [];

        public Dictionary<string, string> ReopenedFrom { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? CheckAt { get; set; }

        /// <summary>Records <paramref name="id"/> as held; false when an alert with that id is already held (a duplicate).</summary>
        public bool AddId(string id)
        {
            // The ids held (buffered or retained) are 64-bit hashes with a count, not strings: the buffer is packed,
            // and a set of strings would keep every id alive. A hash already present is confirmed against the held ids.
            var hash = HeldHash(id);
            var exists = ids.Contains(hash);
            if (exists && _confirmed?.Contains(id) == true)
            {
                return false;
            }

            if (exists && Holds(id))
            {
                // Confirmed once by a scan; a flood of the same duplicate then costs one set lookup each.
                (_confirmed ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);
                return false;
            }

            ids.Add(hash);
            return true;
        }

        /// <summary>Forgets a released retained session: its ids, and its records' place in the pages.</summary>
        public void Forget(RetainedSession s)
        {
            if (s.Alerts is { } alerts)
            {
                foreach (var a in alerts)
                {
                    _confirmed?.Remove(a.Id);
                    LateIds.Remove(a.Id);
                    ids.Remove(HeldHash(a.Id));
                }

                return;
            }

            var entries = s.Entries!;
            for (var i = 0; i < entries.Length; i++)
            {
                // The id string is made only when one of the rare sets may hold it.
                if (_confirmed is { Count: > 0 } || LateIds.Count > 0)
                {
                    var id = Buffer.IdOf(entries[i]);
                    _confirmed?.Remove(id);
                    LateIds.Remove(id);
                }

                ids.Remove(s.Held![i]);
            }

            Buffer.ReleaseDetached(entries);
        }

        /// <summary>The hash under which this key holds <paramref name="id"/> in the sequencer's table of held ids.</summary>
        public ulong HeldHash(string id) => HeldIds.Salt(Hash(id), serial);

        // 64-bit XxHash3 of the id's UTF-16 code units.
        private static ulong Hash(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));

        private bool Holds(string id)
        {
            if (Buffer.ContainsId(id))
            {
                return true;
            }

            foreach (var s in Retained)
            {
                if (s.Entries is { } entries ? Buffer.ContainsId(id, entries) : s.Alerts!.Any(a => string.Equals(a.Id, id, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Sessions of this key that <see cref="FlushInOrder"/> has still to emit.</summary>
        public int Unflushed { get; set; }

        /// <summary>Whether <see cref="Buffer"/> may be out of <see cref="SequenceBuilder.Order"/> (in-order input needs no sort).</summary>
        public bool Unsorted { get; set; }
    }

    private sealed class ScheduleOrder : IComparer<(DateTimeOffset At, SequenceKey Key)>
    {
        public static readonly ScheduleOrder Instance = new();

        public int Compare((DateTimeOffset At, SequenceKey Key) x, (DateTimeOffset At, SequenceKey Key) y)
        {
            var c = x.At.CompareTo(y.At);
            return c != 0 ? c : x.Key.CompareTo(y.Key);
        }
    }
}
