using CstmML.Training.Labels;

namespace CstmML.Training.Simulation;

/// <summary>Everything one simulation produced, in memory, before it is written (tests inspect it directly).</summary>
internal sealed record SimulatedCorpus
{
    public required SimulationOptions Options { get; init; }

    public required IReadOnlyList<SimIdentity> Identities { get; init; }

    public required IReadOnlyList<SimApiCall> ApiCalls { get; init; }

    public required IReadOnlyList<SimAlert> Alerts { get; init; }

    public required IReadOnlyList<SimulatedIncident> Incidents { get; init; }

    public required IReadOnlyList<IncidentLabel> Labels { get; init; }

    /// <summary>Benign sessions per archetype.</summary>
    public required IReadOnlyDictionary<string, int> BenignSessions { get; init; }
}
