using System.Text.Json;
using CstmML.Core.Models;

namespace CstmML.Scoring.Models;

/// <summary>
/// Loads a model folder and refuses it, naming the file or field, when the manifest does not match its files
/// (missing, different size or SHA-256) or when its feature schema differs from the running featurizer's.
/// </summary>
public static class ModelFolder
{
    /// <summary>Verifies and loads <paramref name="directory"/> for features of <paramref name="expectedSchema"/>.</summary>
    public static LoadedModel Load(string directory, FeatureSchemaInfo expectedSchema)
    {
        var (manifest, files) = Verify(directory, expectedSchema);
        return LoadedModel.FromArtifacts(manifest, files);
    }

    /// <summary>Checks the manifest, the schema and every file's digest; returns the manifest and the verified bytes.</summary>
    public static (ModelManifest Manifest, IReadOnlyDictionary<string, byte[]> Files) Verify(string directory, FeatureSchemaInfo expectedSchema)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(expectedSchema);
        const string ManifestName = ModelConstants.ManifestFileName;
        var manifestPath = Path.Combine(directory, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new ModelIntegrityException(ManifestName, null, $"not found in '{directory}'.");
        }

        ModelManifest manifest;
        try
        {
            manifest = ModelManifestJson.Parse(File.ReadAllBytes(manifestPath));
        }
        catch (JsonException ex)
        {
            throw new ModelIntegrityException(ManifestName, null, $"invalid JSON at {ex.Path ?? "$"}: {ex.Message}");
        }

        if (manifest.FormatVersion != ModelConstants.FormatVersion)
        {
            throw new ModelIntegrityException(ManifestName, "format_version", $"model has {manifest.FormatVersion}, this code reads {ModelConstants.FormatVersion}.");
        }

        CheckSchema(manifest.FeatureSchema, expectedSchema);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var root = Path.GetFullPath(directory);
        foreach (var entry in manifest.Files)
        {
            var full = Path.GetFullPath(Path.Combine(root, entry.Path));
            if (Path.IsPathRooted(entry.Path) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ModelIntegrityException(entry.Path, "files.path", "points outside the model folder.");
            }

            if (!File.Exists(full))
            {
                throw new ModelIntegrityException(entry.Path, null, "listed in the manifest but missing.");
            }

            var bytes = File.ReadAllBytes(full);
            if (bytes.LongLength != entry.Bytes)
            {
                throw new ModelIntegrityException(entry.Path, null, $"size {bytes.LongLength} bytes, the manifest says {entry.Bytes}.");
            }

            var digest = FileDigest.Sha256Hex(bytes);
            if (!string.Equals(digest, entry.Sha256, StringComparison.Ordinal))
            {
                throw new ModelIntegrityException(entry.Path, null, $"SHA-256 {digest} does not match the manifest's {entry.Sha256}.");
            }

            files[entry.Path] = bytes;
        }

        return (manifest, files);
    }

    private static void CheckSchema(FeatureSchemaInfo model, FeatureSchemaInfo code)
    {
        const string ManifestName = ModelConstants.ManifestFileName;
        if (!string.Equals(model.Version, code.Version, StringComparison.Ordinal))
        {
            throw new ModelIntegrityException(ManifestName, "feature_schema.version", $"model has '{model.Version}', the featurizer has '{code.Version}'.");
        }

        if (model.Dimension != code.Dimension)
        {
            throw new ModelIntegrityException(ManifestName, "feature_schema.dimension", $"model has {model.Dimension}, the featurizer has {code.Dimension}.");
        }

        if (!string.Equals(model.Fingerprint, code.Fingerprint, StringComparison.Ordinal))
        {
            throw new ModelIntegrityException(ManifestName, "feature_schema.fingerprint", $"model has '{model.Fingerprint}', the featurizer has '{code.Fingerprint}'.");
        }
    }
}
