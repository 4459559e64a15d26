using CstmML.Core.Models;
using CstmML.Scoring.Models;

namespace CstmML.Training.Export;

/// <summary>Writes a model folder: every file first, the manifest last (a folder without a manifest is not a model).</summary>
public static class ModelFolderWriter
{
    /// <summary>Writes <paramref name="files"/> and the manifest into <paramref name="directory"/>, checking the digests agree.</summary>
    public static ModelManifest Write(string directory, ModelManifest manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        var manifestPath = Path.Combine(directory, ModelConstants.ManifestFileName);
        // Remove the old manifest first so a half-written folder is never taken for a model.
        File.Delete(manifestPath);
        foreach (var entry in manifest.Files)
        {
            if (!files.TryGetValue(entry.Path, out var bytes) || FileDigest.Sha256Hex(bytes) != entry.Sha256)
            {
                throw new InvalidOperationException($"{entry.Path}: the bytes to write do not match the manifest entry.");
            }

            var full = Path.Combine(directory, entry.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        File.WriteAllBytes(manifestPath, ModelManifestJson.ToUtf8(manifest));
        return manifest;
    }

    /// <summary>Manifest entries (path, size, SHA-256) for <paramref name="files"/>, sorted by path.</summary>
    public static IReadOnlyList<ManifestFile> Describe(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new ManifestFile(f.Key, f.Value.LongLength, FileDigest.Sha256Hex(f.Value)))
            .ToArray();
    }
}
