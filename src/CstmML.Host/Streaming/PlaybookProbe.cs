using System.Runtime.CompilerServices;
using CstmML.Features.Sequencing;
using CstmML.Playbooks.Matching;
using CstmML.Scoring;
using CstmML.Scoring.Engine;

namespace CstmML.Host.Streaming;

/// <summary>
/// Tells whether a deferred open session completed a playbook since its last score, with the scorer's own playbooks
/// run as a streaming matcher per session (in event order, no reordering buffer), fed only the alerts that come after
/// the last one it was fed. The matcher emits a playbook the moment its last positive step matches. Two cases wait for
/// the session's next score (growth, re-score interval or close) instead: a playbook that ends in an absent step (the
/// matcher emits it once the absence period has passed in event time; a score counts an open period as satisfied), and
/// a playbook completed by a late alert, one that arrives after a later alert of its session (not fed, see below).
/// </summary>
internal sealed class PlaybookProbe
{
    private static readonly ConditionalWeakTable<PlaybookEngine, PlaybookEngine> InOrder = [];

    private readonly PlaybookEngine _engine;

    private PlaybookProbe(PlaybookEngine engine) => _engine = engine;

    /// <summary>The probe of <paramref name="scorer"/>, or null when it has no playbook engine (every grown session is then scored).</summary>
    public static PlaybookProbe? For(ISequenceScorer scorer) => scorer switch
    {
        ScoringEngine engine => For(engine.Playbooks),
        IPlaybookSource source => For(source.Playbooks),
        _ => null,
    };

    /// <summary>The probe of a playbook engine (its playbooks and limits, matched in event order).</summary>
    public static PlaybookProbe For(PlaybookEngine playbooks)
    {
        ArgumentNullException.ThrowIfNull(playbooks);

        // Compiled once per loaded model: sessions are in event order already, so no lateness buffer is needed.
        return new PlaybookProbe(InOrder.GetValue(playbooks, p => new PlaybookEngine(p.Playbooks, p.Options with { AllowedLateness = TimeSpan.Zero })));
    }

    /// <summary>True when the deferred session's appended alerts completed a playbook its last score did not have complete.</summary>
    public bool NewlyCompleted(DeferredSession deferred)
    {
        ArgumentNullException.ThrowIfNull(deferred);
        var (alerts, start, end, mark) = (deferred.Alerts, deferred.Start, deferred.End, deferred.Mark);
        var m = mark.Matcher;
        var from = start;
        if (m?.LastFed is null || !ReferenceEquals(m.Engine, _engine))
        {
            // First deferral or a new model: match the whole session, in order.
            m = new SegmentMatcher(_engine);
            mark.Matcher = m;
        }
        else
        {
            // Feed what comes after the last fed alert. Late alerts (before it) are not fed: re-matching the session for
            // each would cost as much as the scoring the policy saves; what they complete waits for the next score.
            from = end;
            while (from > start && SequenceBuilder.Order(alerts[from - 1], m.LastFed) > 0)
            {
                from--;
            }
        }

        var completed = false;
        for (var i = from; i < end; i++)
        {
            completed |= NewIn(m.Session.Process(alerts[i]), mark.Completed);
            m.LastFed = alerts[i];
        }

        return completed;
    }

    private static bool NewIn(IReadOnlyList<PlaybookDetection> detections, IReadOnlyCollection<string> completedBefore)
    {
        foreach (var d in detections)
        {
            if (d.Complete && !completedBefore.Contains(d.PlaybookId, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
