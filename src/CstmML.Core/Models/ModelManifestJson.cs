using System.Text;
using System.Text.Json;

namespace CstmML.Core.Models;

/// <summary>Reads and writes <see cref="ModelManifest"/> as UTF-8 JSON (LF line ends, so bytes are the same everywhere).</summary>
public static class ModelManifestJson
{
    /// <summary>Serializes the manifest; the same manifest always gives the same bytes.</summary>
    public static byte[] ToUtf8(ModelManifest manifest)
    {
        var text = JsonSerializer.Serialize(manifest, ModelJsonContext.Default.ModelManifest).ReplaceLineEndings("\n") + "\n";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Parses a manifest or throws <see cref="JsonException"/> with the reason.</summary>
    public static ModelManifest Parse(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ModelJsonContext.Default.ModelManifest)
        ?? throw new JsonException("manifest.json is empty (null).");
}
