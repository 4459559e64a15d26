using System.Collections.Concurrent;
using CstmML.Core.Alerts;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Metrics;
using CstmML.Host.Scoring;
using CstmML.Host.Store;
using CstmML.Scoring;
using CstmML.Scoring.Results;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Streaming;

/// <summary>
/// Streaming detection, partitioned by tenant (one <see cref="TenantLane"/> each, processed by one thread at a time so
/// tenants proceed in parallel and could move to separate nodes). A batch is stored durably first, then only its new
/// alerts enter the sessions; every closed or revised session is scored, and an open session that gained alerts is
/// re-scored when the re-score policy says so (it grew by <see cref="ScoringHostOptions.RescoreGrowth"/>, a playbook
/// completed, or <see cref="ScoringHostOptions.RescoreInterval"/> elapsed: <see cref="RescoreDeferredAsync"/>); a
/// detection is stored once per (session, trigger) when a playbook is detected or the risk reaches the threshold.
/// Batches of one tenant that arrive while its lane is busy are processed together (group commit): one transaction and
/// one scoring pass, in arrival order, so a session that several of them grow is scored once; a group's commit overlaps
/// the scoring of the group before it.
/// </summary>
internal sealed class SessionManager(AlertStore store, IOptions<ScoringHostOptions> options, TimeProvider time, HostMetrics metrics)
{
    /// <summary>At most this many alerts are processed together, so one pass (and the answers waiting on it) stays bounded.</summary>
    internal const int MaxGroupAlerts = 20_000;

    private readonly ConcurrentDictionary<string, TenantLane> _tenants = new(StringComparer.Ordinal);
    private long _groups;
    private long _batches;
    private long _scored;
    private long _deferred;
    private long _byPlaybook;

    /// <summary>Open sessions over all tenants.</summary>
    public long OpenSessions => metrics.OpenSessions;

    /// <summary>Groups processed and the batches in them (batches / groups = how much group commit coalesced).</summary>
    public (long Groups, long Batches) Coalescing => (Interlocked.Read(ref _groups), Interlocked.Read(ref _batches));

    /// <summary>
    /// Re-scoring so far: sessions scored (any state), grown open sessions left waiting by the growth rule, and grown
    /// ones below the growth scored at once because a playbook completed.
    /// </summary>
    public (long Scored, long Deferred, long ByPlaybook) Rescoring =>
        (Interlocked.Read(ref _scored), Interlocked.Read(ref _deferred), Interlocked.Read(ref _byPlaybook));

    /// <summary>
    /// The re-score interval's tick: scores, in each tenant's lane, every open session that grew since its last score.
    /// Completes when every lane that had one is done.
    /// </summary>
    public Task RescoreDeferredAsync(ISequenceScorer scorer)
    {
        var ticks = new List<Task>();
        foreach (var (tenant, lane) in _tenants)
        {
            if (lane.Sessions.DeferredCount > 0)
            {
                ticks.Add(Enqueue(tenant, new PendingBatch([], null, scorer, flush: true)));
            }
        }

        return Task.WhenAll(ticks);
    }

    /// <summary>Stores the alerts (durable before the task completes), feeds the new ones to the tenant's sessions and stores detections.</summary>
    public Task<IngestOutcome> IngestAsync(string tenant, IReadOnlyList<NormalizedAlert> alerts, ISequenceScorer scorer)
    {
        // Encoded here, on the request's thread, so concurrent requests do this part in parallel.
        return Enqueue(tenant, new PendingBatch(alerts, EncodedAlerts.From(alerts), scorer));
    }

    /// <summary>Rebuilds the sessions from stored alerts after a restart; detections already stored are not repeated.</summary>
    public int Replay(string tenant, IReadOnlyList<NormalizedAlert> alerts, ISequenceScorer? scorer) =>
        Enqueue(tenant, new PendingBatch(alerts, null, scorer)).GetAwaiter().GetResult().Detections;

    private Task<IngestOutcome> Enqueue(string tenant, PendingBatch batch)
    {
        var lane = _tenants.GetOrAdd(tenant, _ => new TenantLane(options.Value.StreamSequencer, options.Value.RescoreGrowth));
        bool lead;
        lock (lane)
        {
            lane.Pending.Enqueue(batch);
            lead = !lane.Draining;
            lane.Draining = true;
        }

        if (lead)
        {
            _ = DrainAsync(tenant, lane);
        }

        return batch.Done.Task;
    }

    // A two-stage pipeline per tenant: a group's commit (stage 1, on the draining thread) overlaps the previous group's
    // session update and scoring (stage 2, on the pool, one group at a time in order). The next group is committed only
    // once the group before is being scored (its predecessor done), so at most one group waits between the stages, and
    // batches arriving meanwhile are grouped. Every batch completes after both stages: its 202 follows its commit.
    private async Task DrainAsync(string tenant, TenantLane lane)
    {
        while (true)
        {
            List<PendingBatch> group;
            Task previous;
            lock (lane)
            {
                group = TakeGroup(lane.Pending);
                previous = lane.Scoring;
            }

            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _batches, group.Count);
            IReadOnlyList<NormalizedAlert>[]? fresh = null;
            Exception? failed = null;
            try
            {
                fresh = Commit(tenant, group);
            }
            catch (Exception ex)
            {
                failed = ex;
            }

            // Queued to the pool even when the previous group is done, so this thread can commit the next group meanwhile.
            var scoring = previous.ContinueWith(_ => Complete(tenant, lane.Sessions, group, fresh, failed), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            lock (lane)
            {
                lane.Scoring = scoring;
            }

            // Batches arriving until the previous group is scored wait here and go together as the next group.
            await previous.ConfigureAwait(false);
            lock (lane)
            {
                if (lane.Pending.Count == 0)
                {
                    lane.Draining = false;
                    return;
                }
            }
        }
    }

    // Stage 2 of a group: its sessions and scoring (after its commit), then every batch's answer. Never throws, so the
    // next group's stage 2, chained on this one, always runs.
    private void Complete(string tenant, TenantSessions sessions, List<PendingBatch> group, IReadOnlyList<NormalizedAlert>[]? fresh, Exception? failed)
    {
        try
        {
            if (failed is not null || fresh is null)
            {
                throw failed ?? new InvalidOperationException("the commit produced no result");
            }

            var outcomes = Process(tenant, sessions, group, fresh);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception ex)
        {
            foreach (var b in group)
            {
                b.Done.TrySetException(ex);
            }
        }
    }

    // The oldest batch and those after it with the same scorer, up to MaxGroupAlerts alerts (the first always goes).
    private static List<PendingBatch> TakeGroup(Queue<PendingBatch> pending)
    {
        var group = new List<PendingBatch> { pending.Dequeue() };
        var count = group[0].Alerts.Count;
        while (pending.TryPeek(out var next) && ReferenceEquals(next.Scorer, group[0].Scorer) && count + next.Alerts.Count <= MaxGroupAlerts)
        {
            group.Add(pending.Dequeue());
            count += next.Alerts.Count;
        }

        return group;
    }

    // Stage 1: one durable transaction for the group's new alerts; per batch, the alerts that were new (a replay's are all).
    private IReadOnlyList<NormalizedAlert>[] Commit(string tenant, List<PendingBatch> group)
    {
        var toStore = group.Where(b => b.Encoded is not null).Select(b => b.Encoded!).ToList();
        var stored = toStore.Count == 0 ? [] : store.InsertAlerts(tenant, toStore);
        var fresh = new IReadOnlyList<NormalizedAlert>[group.Count];
        for (int i = 0, s = 0; i < group.Count; i++)
        {
            fresh[i] = group[i].Encoded is null ? group[i].Alerts : stored[s++];
            if (group[i].Encoded is not null)
            {
                metrics.AlertsAccepted(fresh[i].Count, group[i].Alerts.Count - fresh[i].Count);
            }
        }

        return fresh;
    }

    private IngestOutcome[] Process(string tenant, TenantSessions sessions, List<PendingBatch> group, IReadOnlyList<NormalizedAlert>[] fresh)
    {
        var detections = new int[group.Count];
        var before = sessions.OpenSessions;
        var flush = group.Any(b => b.Flush);
        var changes = flush || fresh.Any(f => f.Count > 0) ? sessions.Add(fresh, flush) : new SessionChanges([], []);
        metrics.OpenSessionsChanged(sessions.OpenSessions - before);
        if (group[0].Scorer is { } scorer)
        {
            var toScore = WithCompletedPlaybooks(scorer, changes);
            Interlocked.Add(ref _scored, toScore.Count);
            if (toScore.Count > 0)
            {
                var threads = options.Value.StreamScoringThreads;
                var results = ParallelScoring.Score(scorer, [.. toScore.Select(s => s.Sequence)], threads > 0 ? threads : Environment.ProcessorCount);
                var now = time.GetUtcNow();
                var candidates = new List<StoredDetection>();
                var owners = new List<int>();
                for (var i = 0; i < results.Count; i++)
                {
                    sessions.Scored(toScore[i], results[i]);
                    foreach (var d in Triggers(results[i], toScore[i].State, now))
                    {
                        candidates.Add(d);
                        owners.Add(toScore[i].Batch);
                    }
                }

                var inserted = store.InsertDetections(tenant, candidates);
                for (var i = 0; i < inserted.Length; i++)
                {
                    detections[owners[i]] += inserted[i] ? 1 : 0;
                }

                metrics.Detections(inserted.Count(x => x));
            }
        }

        return [.. group.Select((b, i) => new IngestOutcome(fresh[i].Count, b.Alerts.Count - fresh[i].Count, detections[i]))];
    }

    // The due sessions, plus each deferred one whose playbooks now hold a completion its last score did not have: a
    // completed playbook is detected in the batch that completes it, never delayed by the growth rule.
    private List<ScoredSession> WithCompletedPlaybooks(ISequenceScorer scorer, SessionChanges changes)
    {
        if (changes.Deferred.Count == 0)
        {
            return changes.Due;
        }

        var probe = PlaybookProbe.For(scorer);
        var toScore = changes.Due;
        var deferred = 0;
        var byPlaybook = 0;
        foreach (var d in changes.Deferred)
        {
            if (probe is null)
            {
                toScore.Add(d.ToScored());
            }
            else if (probe.NewlyCompleted(d))
            {
                toScore.Add(d.ToScored());
                byPlaybook++;
            }
            else
            {
                deferred++;
            }
        }

        Interlocked.Add(ref _deferred, deferred);
        Interlocked.Add(ref _byPlaybook, byPlaybook);
        return toScore;
    }

    private IEnumerable<StoredDetection> Triggers(ScoringResult result, string state, DateTimeOffset now)
    {
        foreach (var p in result.Playbooks.Where(p => p.Complete))
        {
            yield return Make($"{DetectionTriggers.PlaybookCompleted}:{p.PlaybookId}:{result.SequenceId}", DetectionTriggers.PlaybookCompleted);
        }

        if (result.Risk.Score >= options.Value.RiskThreshold)
        {
            yield return Make($"{DetectionTriggers.RiskThreshold}:{result.SequenceId}", DetectionTriggers.RiskThreshold);
        }

        StoredDetection Make(string key, string trigger) =>
            new(key, new Detection { Cursor = string.Empty, Trigger = trigger, Session = state, DetectedAt = now, Result = result });
    }
}
