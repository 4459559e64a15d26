using System.Runtime.CompilerServices;
using CstmML.Playbooks.Matching;
using CstmML.Scoring;
using CstmML.Scoring.Engine;

namespace CstmML.Host.Streaming;

/// <summary>
/// Tells whether a deferred open session completed a playbook since its last score, with the scorer's own playbooks
/// run as a streaming matcher per session (in event order, no reordering buffer), fed only the alerts appended since it
/// last looked. The matcher emits a playbook the moment its last positive step matches; one that ends in an absent step
/// is emitted once the absence period has passed in event time (a full score counts an open absence period as
/// satisfied, so for those the growth rule or the re-score interval may report it first).
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
        var (alerts, start, count, mark) = (deferred.Alerts, deferred.Start, deferred.End - deferred.Start, deferred.Mark);
        var m = mark.Matcher;
        if (m is null || !ReferenceEquals(m.Engine, _engine) || m.Fed > count
            || (m.Fed > 0 && !string.Equals(alerts[start + m.Fed - 1].Id, m.LastFedId, StringComparison.Ordinal)))
        {
            // First deferral, a new model, or late alerts inside what was fed: match the whole session again (in order).
            m = new SegmentMatcher(_engine);
            mark.Matcher = m;
        }

        var completed = false;
        for (var i = m.Fed; i < count; i++)
        {
            completed |= NewIn(m.Session.Process(alerts[start + i]), mark.Completed);
        }

        m.Fed = count;
        m.LastFedId = alerts[start + count - 1].Id;
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
