namespace CstmML.Training.Dataset;

/// <summary>The label a sequence gets from its alerts' labels (see <see cref="SequenceLabeler"/>).</summary>
/// <param name="Actor">The majority actor among incident-labelled alerts, or null for a benign sequence.</param>
/// <param name="IncidentId">The incident row that labels most of the majority actor's alerts (<c>labels.csv:LINE</c>).</param>
/// <param name="Keys">Every campaign/incident key of the incident rows touched (for grouping and leakage checks).</param>
/// <param name="MixedActors">True when incident alerts of more than one actor are in the sequence.</param>
/// <param name="IncidentAlerts">How many alerts carry an incident label.</param>
internal sealed record SequenceLabel(string? Actor, string? IncidentId, IReadOnlyList<string> Keys, bool MixedActors, int IncidentAlerts);
