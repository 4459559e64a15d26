using System.Text.Json.Serialization;

namespace CstmML.Core.Alerts;

/// <summary>The cloud (or cloud security platform) an alert came from. Serialized lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CloudProvider>))]
public enum CloudProvider
{
    [JsonStringEnumMemberName("aws")] Aws,
    [JsonStringEnumMemberName("azure")] Azure,
    [JsonStringEnumMemberName("gcp")] Gcp,
    [JsonStringEnumMemberName("prisma")] Prisma,
}
