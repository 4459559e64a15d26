namespace CstmML.Training.Simulation;

/// <summary>Ground truth for one injected incident: who, where, when, and what it produced.</summary>
internal sealed record SimulatedIncident
{
    public required string IncidentId { get; init; }

    public required string CampaignId { get; init; }

    public required ActorProfile Actor { get; init; }

    public required CloudKind Cloud { get; init; }

    public required SimIdentity Identity { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>Exclusive end of the label window.</summary>
    public required DateTimeOffset End { get; init; }

    public required IReadOnlyList<string> Stages { get; init; }

    public int ApiCallCount { get; init; }

    public required IReadOnlyList<string> AlertIds { get; init; }
}
