namespace CstmML.Ingestion.Sources.CloudTrail;

/// <summary>CloudTrail record field names (and the envelope/pipeline fields this source reads).</summary>
internal static class CloudTrailFields
{
    public const string EventVersion = "eventVersion";
    public const string EventId = "eventID";
    public const string EventTime = "eventTime";
    public const string EventSource = "eventSource";
    public const string EventName = "eventName";
    public const string EventType = "eventType";
    public const string AwsRegion = "awsRegion";
    public const string RecipientAccountId = "recipientAccountId";
    public const string UserIdentity = "userIdentity";
    public const string SourceIpAddress = "sourceIPAddress";
    public const string UserAgent = "userAgent";
    public const string ErrorCode = "errorCode";
    public const string ReadOnly = "readOnly";
    public const string RequestParameters = "requestParameters";
    public const string ResponseElements = "responseElements";
    public const string InstanceType = "instanceType";
    public const string InsightDetails = "insightDetails";
    public const string InsightType = "insightType";

    /// <summary><c>responseElements.ConsoleLogin</c>: "Success" or "Failure" (failed sign-ins carry no errorCode).</summary>
    public const string ConsoleLogin = "ConsoleLogin";
    public const string ConsoleLoginFailure = "Failure";

    /// <summary>Logstash/Elastic re-shipped records keep the event time here when eventTime was renamed away.</summary>
    public const string AtTimestamp = "@timestamp";

    /// <summary>CloudTrail Lake integration events and exports nest the record (object or JSON string) here.</summary>
    public const string EventData = "eventData";

    /// <summary>EventBridge envelope.</summary>
    public const string DetailType = "detail-type";
    public const string Detail = "detail";

    public const string LambdaSource = "lambda.amazonaws.com";
}
