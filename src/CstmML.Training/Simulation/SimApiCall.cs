namespace CstmML.Training.Simulation;

/// <summary>One CloudTrail record to write.</summary>
internal sealed record SimApiCall
{
    public required DateTimeOffset Time { get; init; }

    public required SimIdentity Identity { get; init; }

    public required ApiCall Call { get; init; }

    public required string Region { get; init; }

    public required string SessionName { get; init; }

    public required string AccessKeyId { get; init; }

    public required DateTimeOffset SessionStart { get; init; }

    public required string SourceIp { get; init; }

    public required string UserAgent { get; init; }

    public string? ErrorCode { get; init; }

    public required Guid EventId { get; init; }

    public required Guid RequestId { get; init; }

    /// <summary>A short deterministic token for resource names in request parameters.</summary>
    public required string Token { get; init; }

    /// <summary>Ground truth: the incident's campaign id, null for benign activity (never written to the record).</summary>
    public string? IncidentId { get; init; }
}
