namespace CstmML.Features.Featurization;

/// <summary>What an IP reputation source knows about an address.</summary>
[Flags]
public enum IpCategories
{
    None = 0,

    /// <summary>A Tor exit or other anonymizing network.</summary>
    Anonymizing = 1,

    /// <summary>An address inside a cloud provider's published ranges (e.g. AWS ip-ranges.json).</summary>
    CloudProvider = 2,
}
