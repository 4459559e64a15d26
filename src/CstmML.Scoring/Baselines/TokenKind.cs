using System.Text.Json.Serialization;

namespace CstmML.Scoring.Baselines;

/// <summary>What one Markov token is. Serialized snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TokenKind>))]
public enum TokenKind
{
    /// <summary><c>product:type</c> of each alert (many benign calls share a technique, so types separate them better).</summary>
    [JsonStringEnumMemberName("alert_type")] AlertType,

    /// <summary>The sequence's technique ids, consecutive repeats collapsed.</summary>
    [JsonStringEnumMemberName("technique")] Technique,
}
