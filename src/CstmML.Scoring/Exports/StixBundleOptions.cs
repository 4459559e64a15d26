namespace CstmML.Scoring.Exports;

/// <summary>Options of <see cref="StixBundleWriter"/>.</summary>
public sealed record StixBundleOptions
{
    /// <summary>Default 20: enough to pivot on, small enough that a noisy NAT range does not swamp the bundle.</summary>
    public const int DefaultMaxAddressesPerSequence = 20;

    /// <summary>At most this many distinct source addresses become observables of one sequence (the rest are counted in a note).</summary>
    public int MaxAddressesPerSequence { get; init; } = DefaultMaxAddressesPerSequence;
}
