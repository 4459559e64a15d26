namespace CstmML.Core.Alerts;

/// <summary>One input alert or event in the provider-neutral schema of DESIGN.md.</summary>
public sealed record NormalizedAlert
{
    /// <summary>The provider's id, else a stable content hash (<c>h:</c> + hex).</summary>
    public required string Id { get; init; }

    /// <summary>Event time, UTC.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>When the provider or pipeline ingested it, when known.</summary>
    public DateTimeOffset? Ingested { get; init; }

    public required CloudProvider Provider { get; init; }

    public required AlertProduct Product { get; init; }

    /// <summary>Finding type, eventName, alert type or category.</summary>
    public required string Type { get; init; }

    /// <summary>Canonical principal: an assumed-role session maps to its role ARN.</summary>
    public required string Principal { get; init; }

    /// <summary>One of <see cref="PrincipalTypes"/>.</summary>
    public string PrincipalType { get; init; } = PrincipalTypes.Unknown;

    /// <summary>The session name of an assumed role, kept apart from the principal.</summary>
    public string? SessionName { get; init; }

    /// <summary>Account, subscription, project or tenant id ("" when the input has none).</summary>
    public string Account { get; init; } = string.Empty;

    public string? Region { get; init; }

    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The access key id the call was signed with (AWS <c>AKIA…</c>/<c>ASIA…</c>), when the input carries it.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>"success", or the provider's error code (e.g. AccessDenied).</summary>
    public string Outcome { get; init; } = Outcomes.Success;

    /// <summary>0..10.</summary>
    public double Severity { get; init; }

    /// <summary>The event's service (CloudTrail eventSource, Azure resource provider, GCP serviceName) when known.</summary>
    public string? Service { get; init; }

    /// <summary>Distinct techniques, ordered by id.</summary>
    public IReadOnlyList<TechniqueId> Techniques { get; init; } = [];

    /// <summary>Distinct tactics of those techniques, in kill-chain order.</summary>
    public IReadOnlyList<TacticId> Tactics { get; init; } = [];

    /// <summary>For each technique, where the mapping came from.</summary>
    public IReadOnlyList<TechniqueMapping> Mapping { get; init; } = [];

    /// <summary>File and line or record index of the raw record.</summary>
    public required RawRef RawRef { get; init; }
}
