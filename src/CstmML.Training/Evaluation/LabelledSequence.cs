using CstmML.Core.Sequences;

namespace CstmML.Training.Evaluation;

/// <summary>One featurized sequence with its labels: the input of training and evaluation.</summary>
/// <param name="Sequence">The alerts.</param>
/// <param name="Features">The featurizer's vector for <paramref name="Sequence"/>.</param>
/// <param name="Actor">The attributed actor, or null for benign activity.</param>
/// <param name="IncidentId">The labelled incident it belongs to, if any.</param>
/// <param name="CampaignId">The campaign (several incidents of one actor), if any.</param>
/// <param name="Role">The principal or cohort key whose baseline it belongs to (see <c>BaselineKeys.RoleOf</c>).</param>
public sealed record LabelledSequence(
    AlertSequence Sequence,
    float[] Features,
    string? Actor,
    string? IncidentId,
    string? CampaignId,
    string Role)
{
    /// <summary>True for a sequence of a labelled incident (an actor, an incident or a campaign id).</summary>
    public bool IsIncident => Actor is not null || IncidentId is not null || CampaignId is not null;
}
