namespace CstmML.Core.Alerts;

/// <summary>One technique on an alert and where that mapping came from.</summary>
/// <param name="Technique">The technique, normalized to the pinned ATT&amp;CK version.</param>
/// <param name="Source">Which evidence produced the mapping.</param>
/// <param name="Confidence">0..1: how strongly the evidence ties this alert to the technique.</param>
/// <param name="Rule">Optional id of the table row, rule or indicator that produced it (for audits).</param>
public sealed record TechniqueMapping(TechniqueId Technique, MappingSource Source, double Confidence, string? Rule = null);
