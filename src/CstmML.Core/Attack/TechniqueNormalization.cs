using CstmML.Core.Alerts;

namespace CstmML.Core.Attack;

/// <summary>The result of normalizing a source's technique id to the pinned catalog. Failure is a value, never an exception.</summary>
/// <param name="Input">The text as the source gave it.</param>
/// <param name="Id">The pinned id, or null when it cannot be normalized.</param>
/// <param name="Note">Why it changed or failed, for the unmapped report.</param>
public sealed record TechniqueNormalization(string Input, TechniqueNormalizationStatus Status, TechniqueId? Id, string? Note)
{
    /// <summary>True when <see cref="Id"/> holds a pinned technique.</summary>
    public bool Succeeded => Id is not null;
}
