using System.Text.Json;
using System.Text.Json.Serialization;
using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Tests.TestSupport;

/// <summary>Serializes a <see cref="NormalizedAlert"/> the way golden fixtures store it: snake_case, indented, nulls left out.</summary>
public static class AlertJson
{
    /// <summary>The options every golden fixture is written and compared with.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The alert as fixture text, with "\n" line ends and a final newline.</summary>
    public static string Serialize(NormalizedAlert alert) =>
        JsonSerializer.Serialize(alert, Options).ReplaceLineEndings("\n") + "\n";
}
