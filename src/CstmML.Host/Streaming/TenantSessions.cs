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

    /// <summary>Adds new alerts; returns the sessions to score: closed and revised ones, then the open sessions they touched.</summary>
    public List<ScoredSession> Add(IReadOnlyList<NormalizedAlert> alerts)
    {
        var touched = new HashSet<SequenceKey>();
        var updates = new List<SequenceUpdate>();
        foreach (var a in alerts)
        {
            var key = new SequenceKey(a.Account, a.Principal);
            if (!_open.TryGetValue(key, out var list))
            {
                list = [];
                _open[key] = list;
            }

            list.Add(a);
            touched.Add(key);
            updates.AddRange(_sequencer.Add(a));
        }

        var result = new List<ScoredSession>();
        foreach (var u in updates)
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

            result.Add(new ScoredSession(u.Sequence, u.Kind == SequenceUpdateKind.Revised ? SessionStates.Revised : SessionStates.Closed));
        }

        foreach (var key in touched.Order())
        {
            if (_open.TryGetValue(key, out var list))
            {
                result.AddRange(Segments(key, list).Select(s => new ScoredSession(s, SessionStates.Open)));
            }
        }

        return result;
    }

    // The not-yet-closed alerts of a key split by the same gap/span rule as the sequencer.
    private IEnumerable<CstmML.Core.Sequences.AlertSequence> Segments(SequenceKey key, List<NormalizedAlert> alerts)
    {
        alerts.Sort(SequenceBuilder.Order);
        var start = 0;
        for (var i = 1; i <= alerts.Count; i++)
        {
            if (i == alerts.Count
                || alerts[i].Time - alerts[i - 1].Time > options.MaxGap
                || alerts[i].Time - alerts[start].Time > options.MaxSpan)
            {
                yield return SequenceBuilder.Build(key, alerts[start..i]);
                start = i;
            }
        }
    }
}
