namespace CstmML.Ingestion.Sources.GuardDuty;

/// <summary>GuardDuty finding field names (GetFindings / EventBridge <c>detail</c> shape, schemaVersion 2.0).</summary>
internal static class GuardDutyFields
{
    public const string SchemaVersion = "schemaVersion";
    public const string Id = "id";
    public const string Type = "type";
    public const string AccountId = "accountId";
    public const string Region = "region";
    public const string Partition = "partition";
    public const string Severity = "severity";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string Resource = "resource";
    public const string ResourceType = "resourceType";
    public const string AccessKeyDetails = "accessKeyDetails";
    public const string InstanceDetails = "instanceDetails";
    public const string InstanceId = "instanceId";
    public const string IamInstanceProfile = "iamInstanceProfile";
    public const string Arn = "arn";
    public const string Service = "service";
    public const string ServiceName = "serviceName";
    public const string EventLastSeen = "eventLastSeen";
    public const string Action = "action";
    public const string AwsApiCallAction = "awsApiCallAction";
    public const string RemoteIpDetails = "remoteIpDetails";
    public const string PortProbeDetails = "portProbeDetails";
    public const string IpAddressV4 = "ipAddressV4";
    public const string IpAddressV6 = "ipAddressV6";
    public const string AdditionalInfo = "additionalInfo";
    public const string UserAgent = "userAgent";
    public const string FullUserAgent = "fullUserAgent";
    public const string Detection = "detection";
    public const string Sequence = "sequence";
    public const string SequenceIndicators = "sequenceIndicators";
    public const string Signals = "signals";
    public const string SignalIndicators = "signalIndicators";
    public const string Key = "key";
    public const string Values = "values";
    public const string AttackTactic = "ATTACK_TACTIC";
    public const string AttackTechnique = "ATTACK_TECHNIQUE";

    /// <summary>Path names used in rejection messages.</summary>
    public const string ServiceEventLastSeen = "service.eventLastSeen";

    /// <summary>EventBridge envelope.</summary>
    public const string DetailType = "detail-type";
    public const string Detail = "detail";
    public const string EnvelopeSource = "source";
    public const string EnvelopeSourceValue = "aws.guardduty";

    /// <summary>Resource detail objects that carry an identifier, tried in order when no identity is given.</summary>
    public static readonly (string Detail, string IdField)[] ResourceIds =
    [
        ("instanceDetails", "instanceId"),
        ("eksClusterDetails", "name"),
        ("ecsClusterDetails", "name"),
        ("lambdaDetails", "functionArn"),
        ("rdsDbInstanceDetails", "dbInstanceIdentifier"),
        ("rdsLimitlessDbDetails", "dbShardGroupIdentifier"),
        ("containerDetails", "id"),
        ("ebsVolumeDetails", "volumeArn"),
    ];

    /// <summary><c>resource.s3BucketDetails[0].name</c>.</summary>
    public const string S3BucketDetails = "s3BucketDetails";
    public const string Name = "name";
}
