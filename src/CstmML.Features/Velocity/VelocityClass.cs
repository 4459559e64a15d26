using System.Text.Json.Serialization;

namespace CstmML.Features.Velocity;

/// <summary>Whether a sequence's pace looks machine-driven, human-driven or both. Serialized lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VelocityClass>))]
public enum VelocityClass
{
    /// <summary>Fast and steady (a script or tool), or strictly periodic (a scheduler).</summary>
    [JsonStringEnumMemberName("automated")] Automated,

    /// <summary>Slow and irregular, like a person clicking and reading.</summary>
    [JsonStringEnumMemberName("manual")] Manual,

    /// <summary>Neither pattern dominates (e.g. console page loads: bursts separated by think time).</summary>
    [JsonStringEnumMemberName("mixed")] Mixed,

    /// <summary>Too few gaps to judge (fewer than <see cref="VelocityThresholds.MinGaps"/>).</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
}
