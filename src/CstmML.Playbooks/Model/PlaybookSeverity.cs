using System.Text.Json.Serialization;

namespace CstmML.Playbooks.Model;

/// <summary>How serious a detection of the playbook is. Serialized lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlaybookSeverity>))]
public enum PlaybookSeverity
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("critical")] Critical,
}
