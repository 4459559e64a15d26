using System.Numerics;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Matching;

/// <summary>
/// Streaming matcher state for one stream of alerts (one CLI run, one host partition). Alerts are matched in event
/// time per playbook and group key; out-of-order alerts within <see cref="PlaybookEngineOptions.AllowedLateness"/>
/// are reordered. Memory is bounded: partial matches expire with their window and are capped per key and in total.
/// Not thread-safe: one session per stream; the <see cref="PlaybookEngine"/> that creates it is shared.
/// </summary>
public sealed class PlaybookMatchSession
{
    /// <summary>Distinct criteria-field combinations remembered before the table starts over.</summary>
    internal const int MaxRememberedFieldSets = 4096;

    private static readonly PlaybookDetection[] NoDetections = [];

    private readonly CompiledLibrary _lib;
    private readonly PlaybookEngineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly long _latenessTicks;
    private readonly Dictionary<StateKey, KeyState> _states = [];
    private readonly PriorityQueue<NormalizedAlert, AlertOrder> _buffer = new(AlertOrderComparer.Instance);
    private readonly List<PlaybookDetection> _emitted = [];

    // One entry per live key state, due when its earliest partial match can end: idle keys close without a scan.
    private readonly PriorityQueue<KeyState, long> _expiry = new();

    // Per-alert scratch space, reused to keep the hot path allocation-free.
    private readonly int[] _stamp;
    private readonly ulong[] _masks;
    private readonly List<int> _touched = [];
    private int _generation;

    // Partial matches (per playbook: their id arrays have its step count) and key states that ended, kept for the
    // next ones so a long stream or a reused session stops allocating them; bounded.
    private readonly Stack<PartialMatch>[] _freeRuns;
    private readonly Stack<KeyState> _freeStates = new();

    // Step matches by criteria fields (an alert stands for its combination), bounded; kept across Reset.
    private readonly Dictionary<NormalizedAlert, (int Playbook, ulong Mask)[]> _matchesByFields = new(CriteriaFieldsComparer.Instance);

    private long _maxTicks = long.MinValue;
    private long _arrival;
    private long _runSeq;

    private long _alerts;
    private long _late;
    private long _ungrouped;
    private long _opened;
    private long _restarted;
    private long _expired;
    private long _negated;
    private long _suppressed;
    private long _overflow;
    private long _live;
    private long _peakLive;
    private long _detections;

    internal PlaybookMatchSession(CompiledLibrary lib, PlaybookEngineOptions options, TimeProvider timeProvider)
    {
        _lib = lib;
        _options = options;
        _timeProvider = timeProvider;
        _latenessTicks = options.AllowedLateness.Ticks;
        _stamp = new int[lib.Steps.Length];
        _masks = new ulong[lib.Playbooks.Length];
        _freeRuns = new Stack<PartialMatch>[lib.Playbooks.Length];
        for (var i = 0; i < _freeRuns.Length; i++)
        {
            _freeRuns[i] = new Stack<PartialMatch>();
        }
    }

    /// <summary>Ended partial matches kept per playbook, and ended key states kept, for reuse (0: none; tests compare).</summary>
    internal int PoolCapacity { get; set; } = 256;

    /// <summary>Criteria-field combinations whose step matches are remembered (tests).</summary>
    internal int RememberedFieldSets => _matchesByFields.Count;

    /// <summary>The newest event time seen minus the allowed lateness: alerts older than this are late.</summary>
    public DateTimeOffset? Watermark =>
        _maxTicks == long.MinValue ? null : new DateTimeOffset(Math.Max(_maxTicks - _latenessTicks, 0), TimeSpan.Zero);

    /// <summary>A snapshot of the counters.</summary>
    public PlaybookMatchStats Stats => new()
    {
        AlertsProcessed = _alerts,
        AlertsLate = _late,
        AlertsUngrouped = _ungrouped,
        PartialMatchesOpened = _opened,
        PartialMatchesRestarted = _restarted,
        PartialMatchesExpired = _expired,
        PartialMatchesNegated = _negated,
        PartialMatchesSuppressed = _suppressed,
        Overflow = _overflow,
        LivePartialMatches = _live,
        PeakLivePartialMatches = _peakLive,
        Detections = _detections,
        Buffered = _buffer.Count,
    };

    /// <summary>Feeds one alert; returns the detections that became final (usually none).</summary>
    public IReadOnlyList<PlaybookDetection> Process(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Accept(alert);
        return TakeEmitted();
    }

    /// <summary>Whether this session was made for <paramref name="lib"/> with <paramref name="options"/> (reuse check).</summary>
    internal bool IsFor(CompiledLibrary lib, PlaybookEngineOptions options) =>
        ReferenceEquals(lib, _lib) && ReferenceEquals(options, _options);

    /// <summary>
    /// Returns the session to its just-created state (an empty stream), keeping its allocated tables, so one thread can
    /// match sequence after sequence without building a session for each.
    /// </summary>
    internal void Reset()
    {
        foreach (var (key, state) in _states)
        {
            ReleaseRuns(key.Playbook, state.Runs, 0);
            ReleaseState(state);
        }

        _states.Clear();
        _buffer.Clear();
        _emitted.Clear();
        _expiry.Clear();
        _touched.Clear();
        Array.Clear(_masks);
        if (_generation > int.MaxValue / 2)
        {
            // Stamps compare with the generation: start both over long before the counter could wrap.
            Array.Clear(_stamp);
            _generation = 0;
        }

        _maxTicks = long.MinValue;
        _arrival = _runSeq = 0;
        _alerts = _late = _ungrouped = _opened = _restarted = _expired = 0;
        _negated = _suppressed = _overflow = _live = _peakLive = _detections = 0;
    }

    /// <summary>
    /// Streams <paramref name="alerts"/> and flushes, appending to <paramref name="detections"/> exactly what
    /// <see cref="Process"/> and <see cref="Flush"/> would return, in the same order, without an array per call.
    /// </summary>
    internal void MatchAll(IReadOnlyList<NormalizedAlert> alerts, List<PlaybookDetection> detections)
    {
        for (var i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i];
            ArgumentNullException.ThrowIfNull(alert);
            Accept(alert);
            MoveEmitted(detections);
        }

        FlushCore();
        MoveEmitted(detections);
    }

    private void Accept(NormalizedAlert alert)
    {
        _alerts++;
        var t = alert.Time.UtcTicks;
        if (_maxTicks != long.MinValue && t < _maxTicks - _latenessTicks)
        {
            _late++;
            return;
        }

        if (t > _maxTicks)
        {
            _maxTicks = t;
        }

        if (_latenessTicks == 0)
        {
            Handle(alert);
        }
        else
        {
            _buffer.Enqueue(alert, AlertOrder.Of(alert, _arrival++));
            var watermark = _maxTicks - _latenessTicks;
            while (_buffer.TryPeek(out _, out var head) && head.Ticks <= watermark)
            {
                Handle(_buffer.Dequeue());
            }
        }

        Sweep(_maxTicks - _latenessTicks);
    }

    /// <summary>
    /// Moves event time forward without an alert (a host calls this when a stream goes quiet): matches buffered
    /// alerts up to <paramref name="watermark"/> and closes partial matches whose window ended before it.
    /// </summary>
    public IReadOnlyList<PlaybookDetection> AdvanceTo(DateTimeOffset watermark)
    {
        var wm = watermark.UtcTicks;
        while (_buffer.TryPeek(out _, out var head) && head.Ticks <= wm)
        {
            Handle(_buffer.Dequeue());
        }

        if (wm + _latenessTicks > _maxTicks)
        {
            _maxTicks = wm + _latenessTicks;
        }

        Sweep(wm);
        return TakeEmitted();
    }

    /// <summary>Advances to the injected clock's now minus the allowed lateness (wall time is only used here).</summary>
    public IReadOnlyList<PlaybookDetection> AdvanceToNow() =>
        AdvanceTo(_timeProvider.GetUtcNow() - _options.AllowedLateness);

    /// <summary>
    /// Ends the stream: matches every buffered alert, then closes all partial matches (open negation periods count
    /// as satisfied, since no more alerts will come). The session can be reused afterwards.
    /// </summary>
    public IReadOnlyList<PlaybookDetection> Flush()
    {
        FlushCore();
        return TakeEmitted();
    }

    private void FlushCore()
    {
        while (_buffer.Count > 0)
        {
            Handle(_buffer.Dequeue());
        }

        foreach (var (key, state) in _states)
        {
            var cp = _lib.Playbooks[key.Playbook];
            foreach (var r in state.Runs)
            {
                Close(cp, state, r);
            }

            _live -= state.Runs.Count;
            ReleaseRuns(key.Playbook, state.Runs, 0);
            ReleaseState(state);
        }

        _states.Clear();
        _expiry.Clear();
    }

    // What TakeEmitted returns, appended to a caller's list instead of a new array.
    private void MoveEmitted(List<PlaybookDetection> into)
    {
        if (_emitted.Count == 0)
        {
            return;
        }

        _emitted.Sort(DetectionOrderComparer.Instance);
        into.AddRange(_emitted);
        _emitted.Clear();
    }

    private PlaybookDetection[] TakeEmitted()
    {
        if (_emitted.Count == 0)
        {
            return NoDetections;
        }

        _emitted.Sort(DetectionOrderComparer.Instance);
        var result = _emitted.ToArray();
        _emitted.Clear();
        return result;
    }

    private void Handle(NormalizedAlert alert)
    {
        // The steps an alert matches depend only on the fields CompiledCriteria reads, and a stream repeats a few
        // combinations of them: each combination is tested against the steps once, then its matches are reused.
        if (!_matchesByFields.TryGetValue(alert, out var matches))
        {
            matches = MatchSteps(alert);
            if (_matchesByFields.Count >= MaxRememberedFieldSets)
            {
                _matchesByFields.Clear();
            }

            _matchesByFields.Add(alert, matches);
        }

        foreach (var (pb, mask) in matches)
        {
            ProcessPlaybook(_lib.Playbooks[pb], alert, mask);
        }
    }

    /// <summary>The (playbook, step mask) pairs whose steps <paramref name="alert"/> matches, in playbook order.</summary>
    internal (int Playbook, ulong Mask)[] MatchSteps(NormalizedAlert alert)
    {
        var gen = ++_generation;
        if (_lib.ByType.TryGetValue(alert.Type, out var refs))
        {
            Consider(refs, alert, gen);
        }

        var techniques = alert.Techniques;
        if (techniques.Count > 0 && _lib.ByTechnique.Count > 0)
        {
            for (var i = 0; i < techniques.Count; i++)
            {
                var t = techniques[i];
                if (_lib.ByTechnique.TryGetValue(t, out refs))
                {
                    Consider(refs, alert, gen);
                }

                if (t.IsSubTechnique && _lib.TryGetParentSteps(t, out refs))
                {
                    Consider(refs, alert, gen);
                }
            }
        }

        var tactics = alert.Tactics;
        if (tactics.Count > 0 && _lib.ByTactic.Count > 0)
        {
            for (var i = 0; i < tactics.Count; i++)
            {
                if (_lib.ByTactic.TryGetValue(tactics[i], out refs))
                {
                    Consider(refs, alert, gen);
                }
            }
        }

        if (_lib.Always.Length > 0)
        {
            Consider(_lib.Always, alert, gen);
        }

        if (_touched.Count == 0)
        {
            return [];
        }

        if (_touched.Count > 1)
        {
            _touched.Sort();
        }

        var matches = new (int Playbook, ulong Mask)[_touched.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            var pb = _touched[i];
            matches[i] = (pb, _masks[pb]);
            _masks[pb] = 0;
        }

        _touched.Clear();
        return matches;
    }

    private void Consider(StepRef[] refs, NormalizedAlert alert, int gen)
    {
        foreach (var r in refs)
        {
            if (_stamp[r.Global] == gen)
            {
                continue;
            }

            _stamp[r.Global] = gen;
            if (_lib.Steps[r.Global].Criteria.IsMatch(alert))
            {
                if (_masks[r.Playbook] == 0)
                {
                    _touched.Add(r.Playbook);
                }

                _masks[r.Playbook] |= 1UL << r.Step;
            }
        }
    }

    private static bool TryKey(CompiledPlaybook cp, NormalizedAlert a, out StateKey key)
    {
        key = cp.Playbook.GroupBy switch
        {
            GroupBy.AccountPrincipal => new StateKey(cp.Index, a.Account, a.Principal),
            GroupBy.Account => new StateKey(cp.Index, a.Account, null),
            GroupBy.Principal => new StateKey(cp.Index, a.Principal, null),
            GroupBy.AccessKey => new StateKey(cp.Index, a.AccessKeyId ?? string.Empty, null),
            _ => new StateKey(cp.Index, a.SourceIp ?? string.Empty, null),
        };
        return cp.Playbook.GroupBy switch
        {
            GroupBy.SourceIp => !string.IsNullOrEmpty(a.SourceIp),
            GroupBy.AccessKey => !string.IsNullOrEmpty(a.AccessKeyId),
            _ => true,
        };
    }

    private void ProcessPlaybook(CompiledPlaybook cp, NormalizedAlert alert, ulong mask)
    {
        if (!TryKey(cp, alert, out var key))
        {
            _ungrouped++;
            return;
        }

        if (!_states.TryGetValue(key, out var state))
        {
            if ((mask & cp.StartMask) == 0)
            {
                return; // nothing in progress and the alert cannot start a match
            }

            state = _freeStates.TryPop(out var free) ? free.Reuse(key) : new KeyState(key);
            _states[key] = state;
        }

        var t = alert.Time.UtcTicks;
        var runs = state.Runs;

        // 1. Close what ended before this alert: windows that elapsed, completions whose negation periods passed.
        CloseElapsed(cp, state, t);

        // 2. Negations: an alert matching an absent step inside its open period kills the partial match.
        if ((mask & cp.AbsentMask) != 0 && runs.Count > 0)
        {
            var w = 0;
            for (var i = 0; i < runs.Count; i++)
            {
                var r = runs[i];
                if (IsNegated(r, mask, t))
                {
                    _negated++;
                    _live--;
                    ReleaseRun(cp.Index, r);
                }
                else
                {
                    runs[w++] = r;
                }
            }

            runs.RemoveRange(w, runs.Count - w);
        }

        // 3. Advance existing partial matches (greedy: each takes the alert for its earliest applicable step).
        var positive = mask & cp.PositiveMask;
        if (positive != 0)
        {
            Advance(cp, state, alert, positive, t);
        }

        if (runs.Count == 0)
        {
            _states.Remove(key);
            ReleaseState(state);
        }
        else if (state.Due == long.MaxValue)
        {
            Schedule(cp, state);
        }
    }

    private void Advance(CompiledPlaybook cp, KeyState state, NormalizedAlert alert, ulong positive, long t)
    {
        var runs = state.Runs;
        var consumedAtStart = false;
        PartialMatch? completed = null;
        foreach (var r in runs)
        {
            if (r.CompletePending)
            {
                continue;
            }

            var s = FirstApplicable(cp, r, positive, t);
            if (s < 0)
            {
                continue;
            }

            var atStart = (r.Matched & ~cp.StartMask) == 0 && (cp.StartMask & (1UL << s)) != 0;
            consumedAtStart |= atStart;
            if (Apply(cp, r, s, alert, t) && IsFinished(cp, state, r, t))
            {
                completed = r;
                break;
            }
        }

        if (completed is null && !consumedAtStart && (positive & cp.StartMask) != 0)
        {
            var s = BitOperations.TrailingZeroCount(positive & cp.StartMask);
            var r = StartRun(cp, state, s);
            if (r is not null)
            {
                ScheduleAt(state, t + cp.WindowTicks);
                if (Apply(cp, r, s, alert, t) && IsFinished(cp, state, r, t))
                {
                    completed = r;
                }
            }
        }

        if (completed is not null)
        {
            Emit(cp, state, completed);
            _suppressed += runs.Count - 1;
            _live -= runs.Count;
            ReleaseRuns(cp.Index, runs, 0);
        }
    }

    /// <summary>Makes sure the state is queued no later than <paramref name="due"/>.</summary>
    private void ScheduleAt(KeyState state, long due)
    {
        if (due < state.Due)
        {
            state.Due = due;
            _expiry.Enqueue(state, due);
        }
    }

    private bool IsFinished(CompiledPlaybook cp, KeyState state, PartialMatch r, long t)
    {
        if ((r.Matched & cp.PositiveMask) != cp.PositiveMask)
        {
            return false;
        }

        if (r.NegationsElapsed(t))
        {
            return true;
        }

        r.CompletePending = true;
        ScheduleAt(state, r.NegationsUntil());
        return false;
    }

    private PartialMatch? StartRun(CompiledPlaybook cp, KeyState state, int s)
    {
        var runs = state.Runs;

        // A newer start in exactly the same state dominates (more window left, later anchor for 'within').
        if (!cp.Steps[s].HasAccumulator)
        {
            foreach (var existing in runs)
            {
                if (existing.Matched == 1UL << s && !existing.CompletePending && !existing.HasOpenAccumulator())
                {
                    runs.Remove(existing);
                    existing.Reset(++_runSeq);
                    runs.Add(existing);
                    _restarted++;
                    return existing;
                }
            }
        }

        if (_live >= _options.MaxPartialMatches)
        {
            _overflow++;
            return null;
        }

        if (runs.Count >= _options.MaxPartialMatchesPerKey)
        {
            var evicted = runs[0];
            runs.RemoveAt(0);
            ReleaseRun(cp.Index, evicted);
            _overflow++;
            _live--;
        }

        PartialMatch run;
        if (_freeRuns[cp.Index].TryPop(out var free))
        {
            run = free;
            run.Reset(++_runSeq);
        }
        else
        {
            run = new PartialMatch(cp.Steps.Length, ++_runSeq);
        }

        runs.Add(run);
        _opened++;
        _live++;
        if (_live > _peakLive)
        {
            _peakLive = _live;
        }

        return run;
    }

    private static int FirstApplicable(CompiledPlaybook cp, PartialMatch r, ulong positive, long t)
    {
        var candidates = positive & ~r.Matched;
        while (candidates != 0)
        {
            var s = BitOperations.TrailingZeroCount(candidates);
            candidates &= candidates - 1;
            var step = cp.Steps[s];
            var g = step.Stage;
            long anchor;
            if (r.Start == PartialMatch.None)
            {
                anchor = PartialMatch.None;
            }
            else if (g == r.Stage)
            {
                anchor = r.PrevStageLast;
            }
            else if (g > r.Stage && (r.Matched & cp.StageRequired[r.Stage]) == cp.StageRequired[r.Stage] && cp.CanSkipBetween(r.Stage, g))
            {
                anchor = r.Last;
            }
            else
            {
                continue;
            }

            if (step.WithinTicks > 0 && anchor != PartialMatch.None && t - anchor > step.WithinTicks)
            {
                continue;
            }

            return s;
        }

        return -1;
    }

    /// <summary>Adds the alert to step <paramref name="s"/>; true when the step holds now.</summary>
    private bool Apply(CompiledPlaybook cp, PartialMatch r, int s, NormalizedAlert alert, long t)
    {
        var step = cp.Steps[s];
        if (r.Start == PartialMatch.None)
        {
            r.Start = t;
            r.Stage = step.Stage;
        }
        else if (step.Stage > r.Stage)
        {
            r.PrevStageLast = r.Last;
            r.Stage = step.Stage;
        }

        r.End = Math.Max(r.End, t);
        r.AddId(s, alert.Id, _options.MaxAlertIdsPerStep);

        if (step.HasAccumulator)
        {
            var accs = r.Accumulators ??= new StepAccumulator?[cp.Steps.Length];
            var acc = accs[s] ??= new StepAccumulator();
            if (!acc.Add(t, DistinctValue(step.Distinct?.Field, alert), step.Count, step.Distinct))
            {
                return false;
            }

            accs[s] = null;
        }

        r.Matched |= 1UL << s;
        r.Last = Math.Max(r.Last, t);
        foreach (var a in cp.AbsentByAnchor[s])
        {
            (r.Negations ??= []).Add((a, t, t + cp.Steps[a].WithinTicks));
        }

        return true;
    }

    private static string? DistinctValue(DistinctField? field, NormalizedAlert a) => field switch
    {
        null => null,
        DistinctField.Region => a.Region,
        DistinctField.SourceIp => a.SourceIp,
        DistinctField.Type => a.Type,
        DistinctField.Service => a.Service,
        DistinctField.UserAgent => a.UserAgent,
        DistinctField.Principal => a.Principal,
        DistinctField.Account => a.Account,
        _ => null,
    };

    private static bool IsNegated(PartialMatch r, ulong mask, long t)
    {
        if (r.Negations is null)
        {
            return false;
        }

        foreach (var n in r.Negations)
        {
            if ((mask & (1UL << n.Step)) != 0 && t > n.From && t <= n.Until)
            {
                return true;
            }
        }

        return false;
    }

    private void CloseElapsed(CompiledPlaybook cp, KeyState state, long t)
    {
        var runs = state.Runs;
        if (runs.Count == 0)
        {
            return;
        }

        var w = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            var ended = r.CompletePending ? r.NegationsElapsed(t) : t - r.Start > cp.WindowTicks;
            if (ended)
            {
                Close(cp, state, r);
                _live--;
                ReleaseRun(cp.Index, r);
            }
            else
            {
                runs[w++] = r;
            }
        }

        runs.RemoveRange(w, runs.Count - w);
    }

    // A run is released once nothing refers to it any more: it left its key's list after being closed, emitted,
    // negated or evicted. Queued expiry entries point at key states, never at runs.
    private void ReleaseRun(int playbook, PartialMatch run)
    {
        var pool = _freeRuns[playbook];
        if (pool.Count < PoolCapacity)
        {
            pool.Push(run);
        }
    }

    private void ReleaseRuns(int playbook, List<PartialMatch> runs, int from)
    {
        for (var i = from; i < runs.Count; i++)
        {
            ReleaseRun(playbook, runs[i]);
        }

        runs.RemoveRange(from, runs.Count - from);
    }

    // A key state is released when it leaves the state table. Expiry entries that still name it are recognised as
    // stale by their due time, exactly as for a state that was dropped (a reused state starts unscheduled).
    private void ReleaseState(KeyState state)
    {
        if (_freeStates.Count < PoolCapacity)
        {
            _freeStates.Push(state);
        }
    }

    private void Sweep(long watermark)
    {
        while (_expiry.TryPeek(out var state, out var due) && due < watermark)
        {
            _expiry.Dequeue();
            if (due != state.Due || !_states.TryGetValue(state.Key, out var live) || !ReferenceEquals(live, state))
            {
                continue; // stale: rescheduled earlier, or the key emptied and was dropped
            }

            state.Due = long.MaxValue;
            var cp = _lib.Playbooks[state.Key.Playbook];
            CloseElapsed(cp, state, watermark);
            if (state.Runs.Count == 0)
            {
                _states.Remove(state.Key);
                ReleaseState(state);
            }
            else
            {
                Schedule(cp, state);
            }
        }
    }

    /// <summary>Queues the state for the moment its earliest partial match can end (window, or open negation period).</summary>
    private void Schedule(CompiledPlaybook cp, KeyState state)
    {
        var due = long.MaxValue;
        foreach (var r in state.Runs)
        {
            var end = r.CompletePending ? r.NegationsUntil() : r.Start + cp.WindowTicks;
            due = Math.Min(due, end);
        }

        if (due < state.Due)
        {
            state.Due = due;
            _expiry.Enqueue(state, due);
        }
    }

    private void Close(CompiledPlaybook cp, KeyState state, PartialMatch r)
    {
        // Optional steps alone never make a detection: at least one required step must hold (when there are any).
        var reachesMinimum = r.MatchedCount(cp.PositiveMask) >= cp.Minimum && (cp.RequiredMask == 0 || (r.Matched & cp.RequiredMask) != 0);
        if (r.CompletePending || reachesMinimum)
        {
            if (!r.CompletePending && r.Start <= state.LastEmittedEnd)
            {
                _suppressed++;
                return;
            }

            Emit(cp, state, r);
            return;
        }

        _expired++;
    }

    private void Emit(CompiledPlaybook cp, KeyState state, PartialMatch r)
    {
        var p = cp.Playbook;
        var steps = new List<StepResult>(cp.PositiveCount);
        var missing = new List<string>();
        foreach (var s in cp.Steps)
        {
            if (s.Absent)
            {
                continue;
            }

            var matched = (r.Matched & (1UL << s.Index)) != 0;
            steps.Add(new StepResult(s.Name, r.IdsOf(s.Index), matched));
            if (!matched)
            {
                missing.Add(s.Name);
            }
        }

        state.LastEmittedEnd = Math.Max(state.LastEmittedEnd, r.End);
        _detections++;
        _emitted.Add(new PlaybookDetection
        {
            PlaybookId = p.Id,
            Version = p.Version,
            Actor = p.Label,
            Severity = p.Severity,
            GroupKey = state.Key.Text,
            StepsMatched = r.MatchedCount(cp.PositiveMask),
            StepsTotal = cp.PositiveCount,
            Minimum = cp.Minimum,
            Complete = (r.Matched & cp.RequiredMask) == cp.RequiredMask,
            Start = new DateTimeOffset(r.Start, TimeSpan.Zero),
            End = new DateTimeOffset(r.End, TimeSpan.Zero),
            Steps = steps,
            MissingSteps = missing,
            Attack = p.Attack,
        });
    }
}
