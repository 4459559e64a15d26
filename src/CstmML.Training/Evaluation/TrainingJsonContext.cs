using System.Text.Json.Serialization;

namespace CstmML.Training.Evaluation;

/// <summary>Source-generated JSON for training-only artifacts (snake_case, indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(PlainMarkovBaseline))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
