using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CstmML.Scoring.Models;

/// <summary>Reads and writes model artifact JSON with fixed bytes (LF line ends, trailing newline).</summary>
public static class ArtifactJson
{
    /// <summary>Serializes <paramref name="value"/> deterministically.</summary>
    public static byte[] ToUtf8<T>(T value, JsonTypeInfo<T> type) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, type).ReplaceLineEndings("\n") + "\n");

    /// <summary>Parses <paramref name="utf8"/>, naming <paramref name="file"/> in the error.</summary>
    public static T Parse<T>(byte[] utf8, JsonTypeInfo<T> type, string file)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, type) ?? throw new ModelIntegrityException(file, null, "the file holds JSON null.");
        }
        catch (JsonException ex)
        {
            throw new ModelIntegrityException(file, null, $"invalid JSON at {ex.Path ?? "$"} (line {ex.LineNumber + 1}): {ex.Message}");
        }
    }
}
