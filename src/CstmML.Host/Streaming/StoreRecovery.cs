using CstmML.Host.Configuration;
using CstmML.Host.Logging;
using CstmML.Host.Models;
using CstmML.Host.Store;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Streaming;

/// <summary>
/// At start (before the server listens) replays each tenant's recent stored alerts into its sessions, so open sessions
/// resume after a crash or restart. "Recent" covers everything that can still be open or re-opened: max span + max gap +
/// reopen horizon + lateness before the tenant's newest event. At stop, flushes the store after requests drained.
/// </summary>
internal sealed class StoreRecovery(AlertStore store, SessionManager sessions, ModelRegistry models, IOptions<ScoringHostOptions> options, ILogger<StoreRecovery> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var recent = store.ReadRecent(o.MaxSpan + o.MaxGap + o.ReopenHorizon + o.Lateness);
        Log.Replaying(log, recent.Sum(kv => kv.Value.Count), recent.Count);
        var scorer = models.Current?.Scorer;
        if (scorer is null && recent.Count > 0)
        {
            Log.ReplayUnscored(log);
        }

        var detections = 0;
        foreach (var (tenant, alerts) in recent.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            detections += sessions.Replay(tenant, alerts, scorer);
        }

        Log.Replayed(log, sessions.OpenSessions, detections);
        return Task.CompletedTask;
    }

    // The host stops hosted services after the server drained in-flight requests; the store then checkpoints its WAL.
    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.Dispose();
        return Task.CompletedTask;
    }
}
