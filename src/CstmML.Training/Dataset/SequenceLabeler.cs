using CstmML.Core.Sequences;
using CstmML.Training.Labels;

namespace CstmML.Training.Dataset;

/// <summary>
/// Turns per-alert labels into a sequence label. Each alert resolves through <see cref="LabelIndex"/> (alert id, then
/// incident window, then benign window). A sequence with at least one incident-labelled alert is an incident; its actor
/// is the actor with the most incident-labelled alerts in it (ties: ordinal-first actor name), and its incident is that
/// actor's row with the most alerts (ties: earliest line). Every other sequence is benign, labelled or not.
/// </summary>
internal sealed class SequenceLabeler(LabelIndex index, string labelsFileName)
{
    /// <summary>The grouping key of an incident row: its campaign id, else the row itself.</summary>
    public string KeyOf(IncidentLabel label) =>
        label.CampaignId.Length > 0 ? "campaign:" + label.CampaignId : IncidentIdOf(label);

    /// <summary>The incident id of a row: file and line, unique and stable for one labels file.</summary>
    public string IncidentIdOf(IncidentLabel label) => $"{labelsFileName}:{label.Line}";

    /// <summary>
    /// The short form of a resource-name id (the last path segment, e.g. the finding id of an SCC
    /// <c>organizations/.../findings/ID</c>), which is how people and the simulator usually cite such alerts.
    /// </summary>
    public static string? ShortIdOf(string alertId)
    {
        var slash = alertId.LastIndexOf('/');
        return slash >= 0 && slash < alertId.Length - 1 ? alertId[(slash + 1)..] : null;
    }

    /// <summary>The id under which labels name the alert: its full id, else its short form when only that is labelled.</summary>
    private string LabelIdOf(string alertId) =>
        !index.HasAlertId(alertId) && ShortIdOf(alertId) is { } shortId && index.HasAlertId(shortId) ? shortId : alertId;

    public SequenceLabel Label(AlertSequence sequence)
    {
        var perLabel = new Dictionary<IncidentLabel, int>(ReferenceEqualityComparer.Instance);
        foreach (var alert in sequence.Alerts)
        {
            if (index.Resolve(alert.Account, alert.Principal, alert.Time, LabelIdOf(alert.Id)) is { Kind: LabelKind.Incident } label)
            {
                perLabel[label] = perLabel.GetValueOrDefault(label) + 1;
            }
        }

        if (perLabel.Count == 0)
        {
            return new SequenceLabel(null, null, [], false, 0);
        }

        var byActor = perLabel
            .GroupBy(p => p.Key.Actor, StringComparer.Ordinal)
            .Select(g => (Actor: g.Key, Count: g.Sum(p => p.Value)))
            .OrderByDescending(a => a.Count)
            .ThenBy(a => a.Actor, StringComparer.Ordinal)
            .ToArray();
        var actor = byActor[0].Actor;
        var incident = perLabel
            .Where(p => p.Key.Actor == actor)
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key.Line)
            .First().Key;
        var keys = perLabel.Keys.Select(KeyOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new SequenceLabel(actor, IncidentIdOf(incident), keys, byActor.Length > 1, perLabel.Values.Sum());
    }
}
