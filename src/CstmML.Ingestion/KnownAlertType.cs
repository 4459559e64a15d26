using CstmML.Core.Alerts;

namespace CstmML.Ingestion;

/// <summary>An alert type a source knows and the techniques it maps to (empty when known but unmapped).</summary>
public sealed record KnownAlertType(CloudProvider Provider, AlertProduct Product, string Type, IReadOnlyList<TechniqueMapping> Mappings);
