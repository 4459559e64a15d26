namespace CstmML.Training.Simulation;

/// <summary>What one <c>cstm simulate</c> run wrote.</summary>
public sealed record SimulationSummary
{
    public required string OutputDirectory { get; init; }

    public required int Files { get; init; }

    public required int CloudTrailRecords { get; init; }

    public required int GuardDutyFindings { get; init; }

    public required int DefenderAlerts { get; init; }

    public required int SccFindings { get; init; }

    public required int BenignSessions { get; init; }

    public required int LabelRows { get; init; }

    /// <summary>Incidents per actor class, in label order.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> IncidentsPerActor { get; init; }

    /// <summary>SHA-256 over every written file's path and SHA-256 (the manifest excluded).</summary>
    public required string ContentSha256 { get; init; }
}
