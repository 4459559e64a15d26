using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using CstmML.Host.Contracts;

namespace CstmML.Host.Streaming;

/// <summary>
/// The streaming state of one tenant: a <see cref="Sequencer"/> (closes sessions by watermark, re-opens them for late
/// alerts) plus the alerts of each principal not yet in a closed session, so open sessions can be scored as they grow.
/// Not thread-safe: <see cref="SessionManager"/> serializes calls per tenant.
/// </summary>
internal sealed class TenantSessions(SequencerOptions options)
{
    private readonly Sequencer _sequencer = new(options);
    private readonly Dictionary<SequenceKey, List<NormalizedAlert>> _open = [];

    /// <summary>Principals with an open session.</summary>
    public int OpenSessions => _open.Count;

    /// <summary>Adds one batch of new alerts; see <see cref="Add(IReadOnlyList{IReadOnlyList{NormalizedAlert}})"/>.</summary>
    public List<ScoredSession> Add(IReadOnlyList<NormalizedAlert> alerts) => Add([alerts]);

    /// <summary>
    /// Adds batches of new alerts, in order (the same as adding them one batch after the other); returns the sessions
    /// to score: the closed and revised ones in emission order, then the open sessions that gained an alert. An open
    /// principal's other segments, unchanged by these alerts, are not returned: their score has not changed.
    /// </summary>
    public List<ScoredSession> Add(IReadOnlyList<IReadOnlyList<NormalizedAlert>> batches)
    {
        // Which batch brought each new alert: an open session is counted for the last batch that added to it.
        var batchOf = new Dictionary<NormalizedAlert, int>(ReferenceEqualityComparer.Instance);
        var touched = new HashSet<SequenceKey>();
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

                list.Add(a);
                batchOf[a] = b;
                touched.Add(key);
                foreach (var u in _sequencer.Add(a))
                {
                    updates.Add((u, b));
                }
            }
        }

        var result = new List<ScoredSession>();
        foreach (var (u, b) in updates)
        {
            var key = new SequenceKey(u.Sequence.Account, u.Sequence.Principal);
            if (_open.TryGetValue(key, out var list))
            {
                var ids = u.Sequence.Alerts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
                list.RemoveAll(a => ids.Contains(a.Id));
                if (list.Count == 0)
                {
                    _open.Remove(key);
                }
            }

            result.Add(new ScoredSession(u.Sequence, u.Kind == SequenceUpdateKind.Revised ? SessionStates.Revised : SessionStates.Closed, b));
        }

        foreach (var key in touched.Order())
        {
            if (_open.TryGetValue(key, out var list))
            {
                foreach (var (start, end) in Segments(list))
                {
                    var last = -1;
                    for (var i = start; i < end; i++)
                    {
                        last = batchOf.TryGetValue(list[i], out var b) ? Math.Max(last, b) : last;
                    }

                    if (last >= 0)
                    {
                        result.Add(new ScoredSession(SequenceBuilder.Build(key, list[start..end]), SessionStates.Open, last));
                    }
                }
            }
        }

        return result;
    }

    // The not-yet-closed alerts of a key split by the same gap/span rule as the sequencer: [start, end) ranges.
    private List<(int Start, int End)> Segments(List<NormalizedAlert> alerts)
    {
        alerts.Sort(SequenceBuilder.Order);
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
