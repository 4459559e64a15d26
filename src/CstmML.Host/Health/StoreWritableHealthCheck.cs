using CstmML.Host.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CstmML.Host.Health;

/// <summary>Ready only when the store can take a write transaction.</summary>
internal sealed class StoreWritableHealthCheck(AlertStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsWritable() ? HealthCheckResult.Healthy("store writable") : HealthCheckResult.Unhealthy("store not writable"));
}
