using System.Text.Json.Serialization;
using CstmML.Playbooks.Matching;

namespace CstmML.Playbooks.Output;

/// <summary>Source-generated JSON metadata for detections (field names come from <see cref="DetectionFields"/>).</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PlaybookDetection))]
internal sealed partial class DetectionJsonContext : JsonSerializerContext;
