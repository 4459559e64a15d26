using System.Text.Json.Serialization;
using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Sources.Normalized;

/// <summary>
/// The <c>CstmJsonContext</c> contract for <see cref="NormalizedAlert"/>, read strictly: an unknown or repeated
/// property fails, so a record this context reads is made of normalized-alert fields only (which is what lets the
/// fast path skip format detection).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(NormalizedAlert))]
internal sealed partial class NormalizedJsonContext : JsonSerializerContext;
