using CstmML.Core.Alerts;

namespace CstmML.Core.Serialization;

/// <summary>An alert type of one product and how often it was seen.</summary>
public sealed record TypeCount(AlertProduct Product, string Type, long Count);
