using System.Text.Json.Serialization;

namespace CstmML.Scoring.Baselines;

/// <summary>Which baseline scored a sequence. Serialized lower case (a DESIGN.md contract).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BaselineLevel>))]
public enum BaselineLevel
{
    [JsonStringEnumMemberName("role")] Role,
    [JsonStringEnumMemberName("cohort")] Cohort,
    [JsonStringEnumMemberName("global")] Global,
}
