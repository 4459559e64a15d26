using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Sources.CloudTrail;

/// <summary>The techniques of one CloudTrail call, resolved against the pinned catalog once at load time.</summary>
/// <param name="EventSource">The eventSource the row applies to, or <c>*</c> for any.</param>
/// <param name="Severity">The table's severity floor for the call (0 when it has no say).</param>
internal sealed record CloudTrailMappingEntry(
    string EventSource,
    string EventName,
    IReadOnlyList<TechniqueId> Techniques,
    IReadOnlyList<TacticId> Tactics,
    IReadOnlyList<TechniqueMapping> Mapping,
    double Severity);
