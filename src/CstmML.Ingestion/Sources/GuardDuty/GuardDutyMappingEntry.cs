using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Sources.GuardDuty;

/// <summary>The techniques of one GuardDuty finding type, resolved against the pinned catalog once at load time.</summary>
/// <param name="Status">active, retired or listed-2022-not-in-2025-docs (finding_types.csv).</param>
/// <param name="DefaultSeverity">The documented default severity (0..10), used when a finding carries none.</param>
internal sealed record GuardDutyMappingEntry(
    string FindingType,
    string Status,
    double DefaultSeverity,
    IReadOnlyList<TechniqueId> Techniques,
    IReadOnlyList<TacticId> Tactics,
    IReadOnlyList<TechniqueMapping> Mapping);
