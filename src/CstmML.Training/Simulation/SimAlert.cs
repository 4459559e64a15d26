namespace CstmML.Training.Simulation;

/// <summary>One provider alert to write: a GuardDuty finding, a Defender SecurityAlert row or an SCC finding.</summary>
internal sealed record SimAlert
{
    public required CloudKind Cloud { get; init; }

    /// <summary>Finding type, AlertType or SCC category.</summary>
    public required string Type { get; init; }

    /// <summary>Activity time (GuardDuty eventLastSeen, Defender TimeGenerated/StartTime, SCC eventTime).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>When the provider raised the finding (a few minutes after the activity).</summary>
    public required DateTimeOffset Created { get; init; }

    public required SimIdentity Identity { get; init; }

    /// <summary>Provider id: 32 hex digits (GuardDuty, SCC) or a GUID (Defender SystemAlertId).</summary>
    public required string Id { get; init; }

    public required string Region { get; init; }

    public required string SourceIp { get; init; }

    public string UserAgent { get; init; } = string.Empty;

    /// <summary>The API the alert is about, when it has one.</summary>
    public string Api { get; init; } = string.Empty;

    public string ApiService { get; init; } = string.Empty;

    /// <summary>For GuardDuty ApiCall shapes: the session and key the call used.</summary>
    public string SessionName { get; init; } = string.Empty;

    public string AccessKeyId { get; init; } = string.Empty;

    public int Count { get; init; } = 1;

    /// <summary>Ground truth: the incident's campaign id, null for routine alerts (never written).</summary>
    public string? IncidentId { get; init; }
}
