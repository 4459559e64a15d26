using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Core.Serialization;

namespace CstmML.Host.Scoring;

/// <summary>A request body read by the ingestion pipeline: its alerts, pre-built sequences (if sent so), rejects, and whether it exceeded the batch limit.</summary>
internal sealed record ParsedBody(
    IReadOnlyList<NormalizedAlert> Alerts,
    IReadOnlyList<AlertSequence>? Sequences,
    IReadOnlyList<RejectRecord> Rejects,
    bool TooManyAlerts);
