using CstmML.Host.Configuration;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Models;

/// <summary>Loads the model at start and polls the model folder for a newly published one (hot reload).</summary>
internal sealed class ModelWatcher(ModelRegistry registry, IOptions<ScoringHostOptions> options, TimeProvider time) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Loaded before the server starts listening, so /readyz is true from the first request when the model is good.
        registry.TryReload();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ModelPollInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                registry.TryReload();
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }
}
