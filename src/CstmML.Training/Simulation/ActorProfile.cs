namespace CstmML.Training.Simulation;

/// <summary>A data-driven attacker profile grounded in ATT&amp;CK and public incident reporting.</summary>
internal sealed record ActorProfile
{
    /// <summary>The actor class label written to labels.csv.</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>ATT&amp;CK group/software ids and aliases this profile is built from.</summary>
    public required string Grounding { get; init; }

    /// <summary>Public reporting the stages follow.</summary>
    public required IReadOnlyList<string> References { get; init; }

    public required TimingModel Timing { get; init; }

    public required IReadOnlyList<ActorVariant> Variants { get; init; }

    /// <summary>User agents of the actor's tooling.</summary>
    public required IReadOnlyList<string> UserAgents { get; init; }

    /// <summary>Share of incidents run from Tor exits (the rest from VPS or proxy ranges).</summary>
    public double TorShare { get; init; }

    /// <summary>UTC hours the operators work (hands-on actors); null for any hour.</summary>
    public (int From, int To)? ActiveHoursUtc { get; init; }

    /// <summary>Chance that two adjacent stages (after the first) swap places.</summary>
    public double ReorderProbability { get; init; } = 0.2;

    /// <summary>Chance the compromised principal's own benign calls are mixed into the incident window.</summary>
    public double InterleaveProbability { get; init; } = 0.35;

    /// <summary>Chance the incident switches source IP part-way (proxy rotation).</summary>
    public double IpRotationProbability { get; init; } = 0.2;
}
