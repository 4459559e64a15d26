using System.Text;
using System.Text.Json;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Volume;

/// <summary>Writes volume findings as JSON Lines (<c>--volume FILE</c>): one snake_case object per line.</summary>
public static class VolumeJsonLines
{
    /// <summary>The field names of a line (a contract: other tools read them).</summary>
    public static readonly IReadOnlyList<string> Fields = ["kind", "scope", "key", "tactic", "hour_start", "observed", "expected", "score"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    /// <summary>Writes one line per finding, in the order given.</summary>
    public static void Write(Stream stream, IEnumerable<VolumeFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(findings);
        var newline = Encoding.UTF8.GetBytes("\n");
        foreach (var f in findings)
        {
            JsonSerializer.Serialize(stream, f, Options);
            stream.Write(newline);
        }
    }

    /// <summary>Reads findings back (for tests and tools); a bad line throws naming its 1-based number.</summary>
    public static IReadOnlyList<VolumeFinding> Read(TextReader reader, string source = "volume")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = new List<VolumeFinding>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                list.Add(JsonSerializer.Deserialize<VolumeFinding>(line, Options)
                         ?? throw new JsonException("null line"));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{source}:{lineNo}: not a volume finding ({ex.Message})", ex);
            }
        }

        return list;
    }
}
