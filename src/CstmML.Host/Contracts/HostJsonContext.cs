using System.Text.Json.Serialization;
using CstmML.Core.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace CstmML.Host.Contracts;

/// <summary>Source-generated JSON of every host body (snake_case, nulls omitted), the same naming as the CLI's output.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScoreResponse))]
[JsonSerializable(typeof(AlertsAccepted))]
[JsonSerializable(typeof(Detection))]
[JsonSerializable(typeof(DetectionPage))]
[JsonSerializable(typeof(ModelsResponse))]
[JsonSerializable(typeof(RejectRecord))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class HostJsonContext : JsonSerializerContext;
