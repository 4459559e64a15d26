using System.Text.Json.Serialization;

namespace CstmML.Core.Alerts;

/// <summary>The product that raised the alert or logged the event. Serialized lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertProduct>))]
public enum AlertProduct
{
    [JsonStringEnumMemberName("guardduty")] GuardDuty,
    [JsonStringEnumMemberName("cloudtrail")] CloudTrail,
    [JsonStringEnumMemberName("defender")] Defender,
    [JsonStringEnumMemberName("scc")] Scc,
    [JsonStringEnumMemberName("prisma")] Prisma,
    [JsonStringEnumMemberName("csv")] Csv,
}
