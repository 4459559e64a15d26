using CstmML.Core.Alerts;

namespace CstmML.Core.Serialization;

/// <summary>Coverage of one provider and product: alert types known and how many map to at least one technique.</summary>
public sealed record CoverageRow(CloudProvider Provider, AlertProduct Product, int KnownTypes, int MappedTypes, int Techniques)
{
    /// <summary>Mapped types over known types, 0..1 (0 when none are known).</summary>
    public double MappedFraction => KnownTypes == 0 ? 0 : (double)MappedTypes / KnownTypes;
}
