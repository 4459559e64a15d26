namespace CstmML.Host.Contracts;

/// <summary>The serving model: name, version, feature schema and when it was loaded.</summary>
public sealed record ModelInfo(string Name, string Version, string? FeatureSchema, DateTimeOffset LoadedAt);
