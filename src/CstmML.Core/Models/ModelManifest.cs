namespace CstmML.Core.Models;

/// <summary>The <c>manifest.json</c> of a model folder (DESIGN.md "Models and artifacts").</summary>
public sealed record ModelManifest
{
    public int FormatVersion { get; init; } = ModelConstants.FormatVersion;

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required FeatureSchemaInfo FeatureSchema { get; init; }

    public required string AttackVersion { get; init; }

    public required int Seed { get; init; }

    /// <summary>SHA-256 over the training rows in a canonical order (see docs/models.md).</summary>
    public required string TrainingDataHash { get; init; }

    /// <summary>Package name to version, sorted by name.</summary>
    public required IReadOnlyDictionary<string, string> PackageVersions { get; init; }

    public required ActorManifest Actor { get; init; }

    public required BaselineManifest Baselines { get; init; }

    /// <summary>Scalar metrics on the held-out test fold, flattened with dots (e.g. <c>actor.macro_f1</c>).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Every file of the folder except the manifest itself, sorted by path.</summary>
    public required IReadOnlyList<ManifestFile> Files { get; init; }
}
