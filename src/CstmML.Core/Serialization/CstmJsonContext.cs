using System.Text.Json.Serialization;
using CstmML.Core.Alerts;

namespace CstmML.Core.Serialization;

/// <summary>
/// The source-generated JSON contract of every CstmML output (snake_case, nulls omitted). Field names follow
/// DESIGN.md; renaming a property here changes the wire format.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(NormalizedAlert))]
[JsonSerializable(typeof(SequenceRecord))]
[JsonSerializable(typeof(RejectRecord))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(CoverageReport))]
public sealed partial class CstmJsonContext : JsonSerializerContext;
