using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion;
using CstmML.Ingestion.Json;

namespace CstmML.Benchmarks.Ingestion;

/// <summary>
/// MERGE: a stand-in for the real CloudTrail source, which lives in another branch. It reads only the fields the
/// pipeline needs (id, time, type, principal, account) so the measurement covers the reader, detection, dedupe and
/// serialization. After the merge, replace <see cref="Instance"/> uses with <c>CloudTrailSource.Instance</c> and
/// re-measure (docs/performance/ingestion.md).
/// </summary>
internal sealed class StandInCloudTrailSource : IAlertSource
{
    public static StandInCloudTrailSource Instance { get; } = new();

    public string Name => "cloudtrail";

    public CloudProvider Provider => CloudProvider.Aws;

    public AlertProduct Product => AlertProduct.CloudTrail;

    public IReadOnlyList<KnownAlertType> KnownTypes => [];

    public bool Matches(JsonElement record) =>
        record.Prop("eventVersion") is not null && record.Prop("eventName") is not null && record.Prop("eventTime") is not null;

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        if (record.Prop("eventTime").AsTime() is not { } time)
        {
            return NormalizeResult.Fail("eventTime is missing or not a timestamp", "eventTime");
        }

        return NormalizeResult.Ok(new NormalizedAlert
        {
            Id = record.NonEmpty("eventID") ?? ContentId.For(record),
            Time = time,
            Provider = CloudProvider.Aws,
            Product = AlertProduct.CloudTrail,
            Type = record.Str("eventName") ?? string.Empty,
            Principal = record.Path("userIdentity", "sessionContext", "sessionIssuer", "arn").AsString() ?? record.Path("userIdentity", "arn").AsString() ?? "unknown",
            Account = record.Str("recipientAccountId") ?? string.Empty,
            Region = record.Str("awsRegion"),
            SourceIp = record.Str("sourceIPAddress"),
            UserAgent = record.Str("userAgent"),
            Outcome = record.Str("errorCode") ?? Outcomes.Success,
            Service = record.Str("eventSource"),
            RawRef = rawRef,
        });
    }
}
