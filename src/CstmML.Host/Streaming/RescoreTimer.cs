using CstmML.Host.Configuration;
using CstmML.Host.Logging;
using CstmML.Host.Models;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Streaming;

/// <summary>
/// Every <see cref="ScoringHostOptions.RescoreInterval"/> (on the injected clock), scores the open sessions the growth
/// rule deferred, so no new alert waits longer than about one interval for its session's re-score (and a risk crossing
/// for its detection), even when its tenant sends nothing more.
/// </summary>
internal sealed class RescoreTimer(SessionManager sessions, ModelRegistry models, IOptions<ScoringHostOptions> options, TimeProvider time, ILogger<RescoreTimer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RescoreInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (models.Current?.Scorer is not { } scorer)
                {
                    continue;
                }

                try
                {
                    await sessions.RescoreDeferredAsync(scorer).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed pass (store closed, model error) leaves the sessions deferred: the next tick retries.
                    Log.RescoreFailed(log, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }
}
