using CstmML.Host.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CstmML.Host.Health;

/// <summary>Ready only when a model is serving.</summary>
internal sealed class ModelLoadedHealthCheck(ModelRegistry models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Current is { } m
            ? HealthCheckResult.Healthy($"{m.Info.Name} {m.Info.Version}")
            : HealthCheckResult.Unhealthy("no model loaded"));
}
