namespace CstmML.Core.Models;

/// <summary>Contract strings shared by model writers and loaders.</summary>
public static class ModelConstants
{
    /// <summary>The manifest's file name inside a model folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The actor label of an abstention.</summary>
    public const string UnknownActor = "unknown";

    /// <summary>The manifest format this code writes and reads.</summary>
    public const int FormatVersion = 1;
}
