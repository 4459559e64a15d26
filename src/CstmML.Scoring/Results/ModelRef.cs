namespace CstmML.Scoring.Results;

/// <summary>The model that produced a result.</summary>
public sealed record ModelRef(string Name, string Version);
