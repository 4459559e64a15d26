using System.Text.Json.Serialization;

namespace CstmML.Features.Featurization;

/// <summary>Source-generated JSON for the schema file (no reflection; indented so diffs of saved models stay readable).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FeatureSchemaDocument))]
internal sealed partial class FeatureSchemaJsonContext : JsonSerializerContext;
