using System.Collections.Concurrent;
using CstmML.Core.Alerts;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Metrics;
using CstmML.Host.Store;
using CstmML.Scoring;
using CstmML.Scoring.Results;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Streaming;

/// <summary>
/// Streaming detection, partitioned by tenant (one <see cref="TenantSessions"/> each, calls serialized per tenant so
/// tenants proceed in parallel and could move to separate nodes). A batch is stored durably first, then only its new
/// alerts enter the sessions; every closed, revised or grown open session is re-scored and a detection is stored once
/// per (session, trigger) when a playbook is detected or the risk reaches the threshold.
/// </summary>
internal sealed class SessionManager(AlertStore store, IOptions<ScoringHostOptions> options, TimeProvider time, HostMetrics metrics)
{
    private readonly ConcurrentDictionary<string, TenantSessions> _tenants = new(StringComparer.Ordinal);

    /// <summary>Open sessions over all tenants.</summary>
    public long OpenSessions => metrics.OpenSessions;

    /// <summary>Stores the alerts (durable before return), feeds the new ones to the tenant's sessions and stores detections.</summary>
    public IngestOutcome Ingest(string tenant, IReadOnlyList<NormalizedAlert> alerts, ISequenceScorer scorer)
    {
        var fresh = store.InsertAlerts(tenant, alerts);
        var detections = Process(tenant, fresh, scorer);
        metrics.AlertsAccepted(fresh.Count, alerts.Count - fresh.Count);
        return new IngestOutcome(fresh.Count, alerts.Count - fresh.Count, detections);
    }

    /// <summary>Rebuilds the sessions from stored alerts after a restart; detections already stored are not repeated.</summary>
    public int Replay(string tenant, IReadOnlyList<NormalizedAlert> alerts, ISequenceScorer? scorer) => Process(tenant, alerts, scorer);

    private int Process(string tenant, IReadOnlyList<NormalizedAlert> alerts, ISequenceScorer? scorer)
    {
        if (alerts.Count == 0)
        {
            return 0;
        }

        var sessions = _tenants.GetOrAdd(tenant, _ => new TenantSessions(options.Value.StreamSequencer));
        lock (sessions)
        {
            var before = sessions.OpenSessions;
            var toScore = sessions.Add(alerts);
            metrics.OpenSessionsChanged(sessions.OpenSessions - before);
            if (scorer is null || toScore.Count == 0)
            {
                return 0;
            }

            var results = scorer.Score([.. toScore.Select(s => s.Sequence)]);
            var now = time.GetUtcNow();
            var candidates = new List<StoredDetection>();
            for (var i = 0; i < results.Count; i++)
            {
                candidates.AddRange(Triggers(results[i], toScore[i].State, now));
            }

            var stored = store.InsertDetections(tenant, candidates);
            metrics.Detections(stored.Count);
            return stored.Count;
        }
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
