namespace CstmML.Features.Featurization;

/// <summary>
/// Optional enrichment of source IPs for the context features. Implementations must be thread-safe, pure
/// (no network) and fast: the featurizer calls this once per distinct consecutive address.
/// </summary>
public interface IIpReputation
{
    /// <summary>The flags of <paramref name="address"/>; <see cref="IpCategories.None"/> when unknown or unparseable.</summary>
    IpCategories Classify(string? address);
}
