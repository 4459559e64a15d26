using CstmML.Ingestion.Identity;

namespace CstmML.Ingestion.Sources.CloudTrail;

/// <summary>
/// The values of one CloudTrail API record that make its alert, read either from a <c>JsonElement</c> or straight
/// from the UTF-8 bytes (<see cref="CloudTrailUtf8Reader"/>); <see cref="CloudTrailSource"/> builds the alert from
/// them, so both readers share every normalization rule.
/// </summary>
internal struct CloudTrailValues
{
    /// <summary>eventTime, UTC.</summary>
    public DateTimeOffset Time;

    /// <summary>eventID, or the content id when the record has none.</summary>
    public string Id;

    /// <summary>eventName as written (non-empty; version suffix not yet removed).</summary>
    public string EventName;

    /// <summary>eventSource when it is a string (may be "").</summary>
    public string? EventSource;

    /// <summary>recipientAccountId when a non-empty string.</summary>
    public string? RecipientAccountId;

    /// <summary>True when userIdentity is an object (then <see cref="Identity"/> holds its values).</summary>
    public bool HasIdentity;

    public AwsIdentity Identity;

    public string? ErrorCode;

    public string? AwsRegion;

    public string? SourceIpAddress;

    public string? UserAgent;

    /// <summary>responseElements.ConsoleLogin is "Failure".</summary>
    public bool ConsoleLoginFailure;

    /// <summary>readOnly when the record states it (true/false, as a boolean or a string); null otherwise.</summary>
    public bool? ReadOnly;

    /// <summary>requestParameters.instanceType when a string.</summary>
    public string? InstanceType;
}
