using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Matching;

/// <summary>
/// The compiled playbook library. Immutable and thread-safe: one instance serves <c>cstm match</c>, <c>cstm score</c>
/// and the host. Streaming callers create a <see cref="PlaybookMatchSession"/> per stream; batch callers use
/// <see cref="Match(IEnumerable{NormalizedAlert})"/>.
/// </summary>
public sealed class PlaybookEngine
{
    // One in-order session per thread, reused across sequences (never shared between threads).
    [ThreadStatic]
    private static PlaybookMatchSession? _reusable;

    private readonly CompiledLibrary _library;
    private readonly PlaybookEngineOptions _inOrder;

    /// <summary>Compiles the playbooks (validated ones: see <see cref="Loading.PlaybookLoader"/>).</summary>
    public PlaybookEngine(IEnumerable<Playbook> playbooks, PlaybookEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(playbooks);
        Options = options ?? new PlaybookEngineOptions();
        Options.Validate();
        Playbooks = playbooks.ToArray();
        _library = new CompiledLibrary(Playbooks);
        _inOrder = Options with { AllowedLateness = TimeSpan.Zero };
    }

    public IReadOnlyList<Playbook> Playbooks { get; }

    public PlaybookEngineOptions Options { get; }

    /// <summary>Starts a streaming session; <paramref name="timeProvider"/> is used only by <see cref="PlaybookMatchSession.AdvanceToNow"/>.</summary>
    public PlaybookMatchSession CreateSession(TimeProvider? timeProvider = null) =>
        new(_library, Options, timeProvider ?? TimeProvider.System);

    /// <summary>Matches a finite set of alerts: sorts them by event time then id, streams them, and flushes.</summary>
    public PlaybookMatchResult Match(IEnumerable<NormalizedAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var sorted = alerts is IReadOnlyList<NormalizedAlert> list && IsOrdered(list);
        IEnumerable<NormalizedAlert> ordered = sorted
            ? (IReadOnlyList<NormalizedAlert>)alerts
            : alerts.OrderBy(a => a.Time.UtcTicks).ThenBy(a => a.Id, StringComparer.Ordinal);

        // Sorted alerts can never be late, so the session needs no reordering buffer: it matches each alert as it comes
        // (same order, same detections; PlaybookEngineTests proves it on the bundled corpus).
        var session = new PlaybookMatchSession(_library, sorted ? _inOrder : Options, TimeProvider.System);
        var detections = new List<PlaybookDetection>();
        foreach (var a in ordered)
        {
            detections.AddRange(session.Process(a));
        }

        detections.AddRange(session.Flush());
        detections.Sort(DetectionOrderComparer.Instance);
        return new PlaybookMatchResult(detections, session.Stats);
    }

    /// <summary>Matches the alerts of one sequence (what <c>cstm score</c> reports under <c>playbooks</c>).</summary>
    public IReadOnlyList<PlaybookDetection> Match(AlertSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var alerts = sequence.Alerts;
        var canStart = false;
        for (var i = 0; i < alerts.Count && !canStart; i++)
        {
            canStart = _library.CanStart(alerts[i]);
        }

        // Most sequences contain no step that opens a playbook: skip building a session for them.
        if (!canStart)
        {
            return [];
        }

        if (!IsOrdered(alerts))
        {
            return Match(alerts).Detections;
        }

        // Sorted alerts: the same in-order session as Match(alerts), but the thread's own, reset between sequences.
        var session = _reusable is { } reused && reused.IsFor(_library, _inOrder) ? reused : new PlaybookMatchSession(_library, _inOrder, TimeProvider.System);
        _reusable = null; // taken while in use: a failure mid-match leaves nothing half-used behind
        var detections = new List<PlaybookDetection>();
        session.MatchAll(alerts, detections);
        session.Reset();
        _reusable = session;
        detections.Sort(DetectionOrderComparer.Instance);
        return detections;
    }

    private static bool IsOrdered(IReadOnlyList<NormalizedAlert> alerts)
    {
        for (var i = 1; i < alerts.Count; i++)
        {
            var (a, b) = (alerts[i - 1], alerts[i]);
            var byTime = a.Time.UtcTicks.CompareTo(b.Time.UtcTicks);
            if (byTime > 0 || (byTime == 0 && string.CompareOrdinal(a.Id, b.Id) > 0))
            {
                return false;
            }
        }

        return true;
    }
}
