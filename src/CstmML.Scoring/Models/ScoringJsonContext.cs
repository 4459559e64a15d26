using System.Text.Json.Serialization;
using CstmML.Scoring.Actor;
using CstmML.Scoring.Baselines;

namespace CstmML.Scoring.Models;

/// <summary>Source-generated JSON for the model folder's artifact files (snake_case, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ActorCentroids))]
[JsonSerializable(typeof(ActorEvidence))]
[JsonSerializable(typeof(BaselineSet))]
[JsonSerializable(typeof(MarkovChainModel))]
public sealed partial class ScoringJsonContext : JsonSerializerContext;
