using CstmML.Training.Evaluation;

namespace CstmML.Training.Baselines;

/// <summary>
/// Anti-poisoning: baselines learn only benign behaviour. Drops every labelled incident sequence, and every unlabelled
/// sequence of the same account and principal that overlaps an incident sequence in time (likely the same intrusion).
/// </summary>
internal static class IncidentWindowFilter
{
    /// <summary>The rows a baseline may learn from, and how many were dropped.</summary>
    public static (IReadOnlyList<LabelledSequence> Benign, int Dropped) Benign(IReadOnlyList<LabelledSequence> rows)
    {
        var incidents = rows.Where(r => r.IsIncident)
            .GroupBy(r => (r.Sequence.Account, r.Sequence.Principal))
            .ToDictionary(g => g.Key, g => g.Select(r => (r.Sequence.Start, r.Sequence.End)).ToArray());
        var benign = rows.Where(r => !r.IsIncident && !Overlaps(r, incidents)).ToArray();
        return (benign, rows.Count - benign.Length);
    }

    private static bool Overlaps(
        LabelledSequence row,
        Dictionary<(string Account, string Principal), (DateTimeOffset Start, DateTimeOffset End)[]> incidents) =>
        incidents.TryGetValue((row.Sequence.Account, row.Sequence.Principal), out var windows)
        && windows.Any(w => row.Sequence.Start <= w.End && w.Start <= row.Sequence.End);
}
