using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;

namespace CstmML.Host.Store;

/// <summary>
/// A batch of alerts with their stored form (the normalized alert's JSON, the same the CLI writes, as UTF-8: what
/// SQLite stores, with no UTF-16 string in between), encoded by the request's own thread before the store's single
/// writer is taken, so concurrent requests encode in parallel.
/// </summary>
internal sealed record EncodedAlerts(IReadOnlyList<NormalizedAlert> Alerts, IReadOnlyList<byte[]> Bodies)
{
    public static EncodedAlerts From(IReadOnlyList<NormalizedAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var bodies = new byte[alerts.Count][];
        for (var i = 0; i < bodies.Length; i++)
        {
            bodies[i] = JsonSerializer.SerializeToUtf8Bytes(alerts[i], CstmJsonContext.Default.NormalizedAlert);
        }

        return new EncodedAlerts(alerts, bodies);
    }
}
