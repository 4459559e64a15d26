namespace CstmML.Core.Attack;

/// <summary>How a technique id from a source relates to the pinned catalog.</summary>
public enum TechniqueNormalizationStatus
{
    /// <summary>A live id of the pinned version, kept as is.</summary>
    Current,

    /// <summary>Revoked within the pinned version; replaced by its successor.</summary>
    Revoked,

    /// <summary>An ATT&amp;CK v19 id mapped back to its pinned (v18.1) id through the crosswalk.</summary>
    Crosswalked,

    /// <summary>A sub-technique the pinned version does not know, generalized to its known parent.</summary>
    Generalized,

    /// <summary>Deprecated with no replacement: cannot be kept.</summary>
    Deprecated,

    /// <summary>Well-formed but unknown to the pinned version: cannot be kept.</summary>
    Unknown,

    /// <summary>Not a technique id at all.</summary>
    Invalid,
}
