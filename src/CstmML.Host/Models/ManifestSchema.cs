using System.Text.Json;

namespace CstmML.Host.Models;

/// <summary>Reads the feature schema (version and dimension) from a model folder's <c>manifest.json</c> for /v1/models.</summary>
internal static class ManifestSchema
{
    public const string ManifestFile = "manifest.json";

    public static string? Read(string directory)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.TryGetProperty("feature_schema", out var schema) && schema.ValueKind == JsonValueKind.Object)
            {
                root = schema;
            }

            string? Get(string name) => root.TryGetProperty(name, out var v) ? v.ToString() : null;
            var version = Get("feature_schema_version") ?? Get("version");
            var dim = Get("feature_dimension") ?? Get("dimension");
            return version is null ? null : dim is null ? version : $"{version} (dim {dim})";
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
