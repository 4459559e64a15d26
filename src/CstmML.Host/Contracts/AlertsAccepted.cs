using CstmML.Core.Serialization;

namespace CstmML.Host.Contracts;

/// <summary>The 202 answer of POST /v1/alerts: counts of what was durably stored, and the rejected records.</summary>
public sealed record AlertsAccepted
{
    /// <summary>New alerts stored durably before this answer.</summary>
    public required int Accepted { get; init; }

    /// <summary>Alerts whose id this tenant had already sent (idempotent: not stored twice).</summary>
    public required int Duplicates { get; init; }

    /// <summary>Detections this request produced (fetch them with GET /v1/detections).</summary>
    public required int Detections { get; init; }

    public required IReadOnlyList<RejectRecord> Rejects { get; init; }
}
