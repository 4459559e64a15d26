using CstmML.Core.Alerts;
using CstmML.Core.Sequences;

namespace CstmML.Features.Sequencing;

/// <summary>Sequences a finite set of alerts at once (notebooks, offline analysis) and returns only the final sessions.</summary>
public static class BatchSequencing
{
    /// <summary>
    /// Sorts <paramref name="alerts"/> by event time then id and runs them through a <see cref="Sequencer"/>, so no
    /// session is revised and lateness never applies; any revision would still replace what it supersedes. The result
    /// is ordered by start time, then sequence id.
    /// </summary>
    public static IReadOnlyList<AlertSequence> Sequence(IEnumerable<NormalizedAlert> alerts, SequencerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var sequencer = new Sequencer(options);
        var byId = new Dictionary<string, AlertSequence>(StringComparer.Ordinal);
        void Take(IReadOnlyList<SequenceUpdate> updates)
        {
            foreach (var u in updates)
            {
                foreach (var old in u.Replaces)
                {
                    byId.Remove(old);
                }

                byId[u.Sequence.SequenceId] = u.Sequence;
            }
        }

        foreach (var alert in alerts.OrderBy(a => a.Time.UtcTicks).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            Take(sequencer.Add(alert));
        }

        Take(sequencer.Flush());
        return [.. byId.Values.OrderBy(s => s.Start.UtcTicks).ThenBy(s => s.SequenceId, StringComparer.Ordinal)];
    }
}
