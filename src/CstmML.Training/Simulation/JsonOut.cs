using System.Text.Encodings.Web;
using System.Text.Json;

namespace CstmML.Training.Simulation;

/// <summary>Writer options shared by every output file: LF newlines, no escaping of '+' or '&lt;' (as providers write them).</summary>
internal static class JsonOut
{
    public static JsonWriterOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static JsonWriterOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n", Indented = true };

    /// <summary>Serializes with a writer callback to a string (for JSON-in-a-string columns such as Defender's Entities).</summary>
    public static string ToJsonString(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
