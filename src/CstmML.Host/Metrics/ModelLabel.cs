namespace CstmML.Host.Metrics;

/// <summary>The serving model's labels for the <c>cstm_model_info</c> gauge.</summary>
internal sealed record ModelLabel(string Name, string Version);
