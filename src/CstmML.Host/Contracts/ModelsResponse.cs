namespace CstmML.Host.Contracts;

/// <summary>The answer of GET /v1/models.</summary>
public sealed record ModelsResponse(IReadOnlyList<ModelInfo> Models);
