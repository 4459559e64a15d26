using System.Runtime.CompilerServices;
using CstmML.Core.Alerts;

namespace CstmML.Features.Sequencing;

/// <summary>
/// An alert's technique, tactic and mapping lists, compared by instance (not content): the key under which
/// <see cref="PackedStrings"/> shares them between packed alerts.
/// </summary>
internal readonly struct MappedLists(IReadOnlyList<TechniqueId> techniques, IReadOnlyList<TacticId> tactics, IReadOnlyList<TechniqueMapping> mapping) : IEquatable<MappedLists>
{
    public IReadOnlyList<TechniqueId> Techniques { get; } = techniques;

    public IReadOnlyList<TacticId> Tactics { get; } = tactics;

    public IReadOnlyList<TechniqueMapping> Mapping { get; } = mapping;

    public bool Equals(MappedLists other) =>
        ReferenceEquals(Techniques, other.Techniques) && ReferenceEquals(Tactics, other.Tactics) && ReferenceEquals(Mapping, other.Mapping);

    public override bool Equals(object? obj) => obj is MappedLists other && Equals(other);

    // Identity hashes: stable within the process, which is all an in-memory table needs.
    public override int GetHashCode() =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(Techniques), RuntimeHelpers.GetHashCode(Tactics), RuntimeHelpers.GetHashCode(Mapping));
}
