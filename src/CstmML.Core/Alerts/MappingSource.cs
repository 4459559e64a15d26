using System.Text.Json.Serialization;

namespace CstmML.Core.Alerts;

/// <summary>Where an alert-to-technique mapping came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MappingSource>))]
public enum MappingSource
{
    /// <summary>The provider itself tagged the alert with the technique (GuardDuty indicators, Defender, SCC, Prisma).</summary>
    [JsonStringEnumMemberName("native")] Native,

    /// <summary>CstmML's curated table, built from the evidence listed in training-data/reference.</summary>
    [JsonStringEnumMemberName("curated")] Curated,

    /// <summary>Center for Threat-Informed Defense security stack mappings (Apache-2.0).</summary>
    [JsonStringEnumMemberName("ctid")] Ctid,

    /// <summary>A Sigma rule's ATT&amp;CK tags (DRL 1.1).</summary>
    [JsonStringEnumMemberName("sigma")] Sigma,

    /// <summary>A Stratus Red Team technique whose detonation produced this event (Apache-2.0).</summary>
    [JsonStringEnumMemberName("stratus")] Stratus,
}
