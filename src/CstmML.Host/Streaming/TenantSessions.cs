using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using CstmML.Host.Contracts;
using CstmML.Scoring.Results;

namespace CstmML.Host.Streaming;

/// <summary>
/// The streaming state of one tenant: a <see cref="Sequencer"/> (closes sessions by watermark, re-opens them for late
/// alerts) plus the alerts of each principal not yet in a closed session, kept in event order, so open sessions can be
/// scored as they grow. It also applies the re-score policy: an open session that grew by less than
/// <paramref name="rescoreGrowth"/> of its size at its last score is deferred (<see cref="ScoreMark"/>).
/// Not thread-safe: <see cref="SessionManager"/> serializes calls per tenant.
/// </summary>
internal sealed class TenantSessions(SequencerOptions options, double rescoreGrowth = 0)
{
    private static readonly Comparer<NormalizedAlert> InOrder = Comparer<NormalizedAlert>.Create(SequenceBuilder.Order);

    private readonly Sequencer _sequencer = new(options);
    private readonly Dictionary<SequenceKey, List<NormalizedAlert>> _open = [];
    private readonly Dictionary<SequenceKey, List<ScoreMark>> _marks = [];
    private readonly HashSet<SequenceKey> _deferred = [];
    private volatile int _deferredCount;

    /// <summary>Principals with an open session.</summary>
    public int OpenSessions => _open.Count;

    /// <summary>Principals whose open session grew since its last score and waits (may be read from any thread: a hint).</summary>
    public int DeferredCount => _deferredCount;

    /// <summary>Adds one batch of new alerts; see <see cref="Add(IReadOnlyList{IReadOnlyList{NormalizedAlert}}, bool)"/>.</summary>
    public SessionChanges Add(IReadOnlyList<NormalizedAlert> alerts) => Add([alerts]);

    /// <summary>
    /// Adds batches of new alerts, in order (the same as adding them one batch after the other), and returns the
    /// sessions they changed: closed and revised ones, and open sessions that gained an alert (due or deferred by the
    /// growth rule). An open principal's other segments, unchanged by these alerts, are not returned. With
    /// <paramref name="flush"/>, every deferred session is due too (the re-score interval elapsed).
    /// </summary>
    public SessionChanges Add(IReadOnlyList<IReadOnlyList<NormalizedAlert>> batches, bool flush = false)
    {
        // The new alerts of each key and the batch that brought each: an open session is counted for the last batch that
        // added to it. Kept per key so a session's share is found without scanning every alert the key holds.
        var added = new Dictionary<SequenceKey, List<(NormalizedAlert Alert, int Batch)>>();
        var updates = new List<(SequenceUpdate Update, int Batch)>();
        for (var b = 0; b < batches.Count; b++)
        {
            foreach (var a in batches[b])
            {
                var key = new SequenceKey(a.Account, a.Principal);
                if (!_open.TryGetValue(key, out var list))
                {
                    list = [];
                    _open[key] = list;
                }

                InsertInOrder(list, a);
                if (!added.TryGetValue(key, out var mine))
                {
                    mine = [];
                    added[key] = mine;
                }

                mine.Add((a, b));
                foreach (var u in _sequencer.Add(a))
                {
                    updates.Add((u, b));
                }
            }
        }

        var keys = added.Keys.ToHashSet();
        var due = new List<ScoredSession>();
        foreach (var (u, b) in updates)
        {
            var key = new SequenceKey(u.Sequence.Account, u.Sequence.Principal);
            keys.Add(key);
            if (_open.TryGetValue(key, out var list))
            {
                RemoveClosed(list, u.Sequence.Alerts);
                if (list.Count == 0)
                {
                    _open.Remove(key);
                }
            }

            due.Add(new ScoredSession(u.Sequence, u.Kind == SequenceUpdateKind.Revised ? SessionStates.Revised : SessionStates.Closed, b));
        }

        if (flush)
        {
            keys.UnionWith(_deferred);
            _deferred.Clear();
        }

        var deferred = new List<DeferredSession>();
        foreach (var key in keys.Order())
        {
            _deferred.Remove(key);
            if (!_open.TryGetValue(key, out var list))
            {
                _marks.Remove(key);
                continue;
            }

            var marks = _marks.GetValueOrDefault(key);
            var mine = added.GetValueOrDefault(key);
            var kept = new List<ScoreMark>();
            foreach (var (start, end) in Segments(list))
            {
                var last = -1;
                foreach (var (a, b) in mine ?? [])
                {
                    // Segments are disjoint ranges of the ordered list: a new alert is in the one whose range holds it.
                    if (b > last && SequenceBuilder.Order(list[start], a) <= 0 && SequenceBuilder.Order(a, list[end - 1]) <= 0)
                    {
                        last = b;
                    }
                }

                var mark = marks?.Find(m => string.Equals(m.FirstId, list[start].Id, StringComparison.Ordinal));
                if (mark is not null)
                {
                    kept.Add(mark);
                }

                var count = end - start;
                var changed = mark is null ? last >= 0 : count != mark.Count || !string.Equals(mark.LastId, list[end - 1].Id, StringComparison.Ordinal);
                if (!changed)
                {
                    continue;
                }

                if (flush || mark is null || count <= mark.Count || DueByGrowth(mark.Count, count))
                {
                    due.Add(new ScoredSession(SequenceBuilder.Build(key, list[start..end]), SessionStates.Open, Math.Max(last, 0)));
                }
                else
                {
                    deferred.Add(new DeferredSession(key, list, start, end, Math.Max(last, 0), mark));
                    _deferred.Add(key);
                }
            }

            if (kept.Count > 0)
            {
                _marks[key] = kept;
            }
            else
            {
                _marks.Remove(key);
            }
        }

        _deferredCount = _deferred.Count;
        return new SessionChanges(due, deferred);
    }

    /// <summary>Records that an open session was scored (a closed or revised one needs no mark: it is gone).</summary>
    public void Scored(ScoredSession session, ScoringResult result)
    {
        if (session.State != SessionStates.Open)
        {
            return;
        }

        var alerts = session.Sequence.Alerts;
        var key = new SequenceKey(session.Sequence.Account, session.Sequence.Principal);
        var completed = result.Playbooks.Where(p => p.Complete).Select(p => p.PlaybookId).Distinct(StringComparer.Ordinal).ToArray();
        var mark = new ScoreMark(alerts[0].Id, alerts[^1].Id, alerts.Count, completed);
        if (!_marks.TryGetValue(key, out var marks))
        {
            marks = [];
            _marks[key] = marks;
        }

        var at = marks.FindIndex(m => string.Equals(m.FirstId, mark.FirstId, StringComparison.Ordinal));
        if (at >= 0)
        {
            // The session's playbook matcher stays valid while alerts are only appended: keep it.
            mark.Matcher = marks[at].Matcher;
            marks[at] = mark;
        }
        else
        {
            marks.Add(mark);
        }
    }

    // True when a session of `count` alerts, last scored with `scored`, has grown enough to be re-scored now.
    private bool DueByGrowth(int scored, int count) =>
        count - scored >= Math.Max(1, (int)Math.Ceiling(rescoreGrowth * scored));

    // Drops a closed or revised session's alerts from a key's open alerts. The sequencer closes a key's earliest session,
    // so they are usually the list's first ones in the same order: one range removal then, a removal by id otherwise.
    private static void RemoveClosed(List<NormalizedAlert> list, IReadOnlyList<NormalizedAlert> closed)
    {
        var prefix = closed.Count <= list.Count;
        for (var i = 0; prefix && i < closed.Count; i++)
        {
            prefix = string.Equals(list[i].Id, closed[i].Id, StringComparison.Ordinal);
        }

        if (prefix)
        {
            list.RemoveRange(0, closed.Count);
            return;
        }

        var ids = closed.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        list.RemoveAll(a => ids.Contains(a.Id));
    }

    // Streams arrive mostly in event order: append, and insert only the rare out-of-order alert (no sort per batch).
    private static void InsertInOrder(List<NormalizedAlert> list, NormalizedAlert alert)
    {
        if (list.Count == 0 || SequenceBuilder.Order(list[^1], alert) <= 0)
        {
            list.Add(alert);
            return;
        }

        var at = list.BinarySearch(alert, InOrder);
        list.Insert(at < 0 ? ~at : at, alert);
    }

    // The not-yet-closed alerts of a key (in order) split by the same gap/span rule as the sequencer: [start, end) ranges.
    private List<(int Start, int End)> Segments(List<NormalizedAlert> alerts)
    {
        var ranges = new List<(int, int)>();
        var start = 0;
        for (var i = 1; i <= alerts.Count; i++)
        {
            if (i == alerts.Count
                || alerts[i].Time - alerts[i - 1].Time > options.MaxGap
                || alerts[i].Time - alerts[start].Time > options.MaxSpan)
            {
                ranges.Add((start, i));
                start = i;
            }
        }

        return ranges;
    }
}
