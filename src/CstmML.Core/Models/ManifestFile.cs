namespace CstmML.Core.Models;

/// <summary>One file of a model folder with its size and SHA-256 (lower-case hex).</summary>
/// <param name="Path">Path relative to the model folder, with forward slashes.</param>
public sealed record ManifestFile(string Path, long Bytes, string Sha256);
