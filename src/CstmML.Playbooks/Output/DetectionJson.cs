using System.Text.Json;
using CstmML.Playbooks.Matching;

namespace CstmML.Playbooks.Output;

/// <summary>Writes and reads detections as JSON Lines (one detection per line, snake_case fields).</summary>
public static class DetectionJson
{
    /// <summary>One detection as a single-line JSON object.</summary>
    public static string Serialize(PlaybookDetection detection) =>
        JsonSerializer.Serialize(detection, DetectionJsonContext.Default.PlaybookDetection);

    /// <summary>Parses one line written by <see cref="Serialize"/>.</summary>
    public static PlaybookDetection? Deserialize(string line) =>
        JsonSerializer.Deserialize(line, DetectionJsonContext.Default.PlaybookDetection);

    /// <summary>Writes each detection on its own line.</summary>
    public static void WriteLines(IEnumerable<PlaybookDetection> detections, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var d in detections)
        {
            writer.WriteLine(Serialize(d));
        }
    }
}
