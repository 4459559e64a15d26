using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Features.Sequencing;

namespace CstmML.Host.Scoring;

/// <summary>Sequences a batch as <c>cstm sequences</c> does: add every alert, flush, and apply revisions (a revision replaces the ids it names).</summary>
public static class BatchSequencing
{
    /// <summary>The final sequences of <paramref name="alerts"/>, in emission order.</summary>
    public static IReadOnlyList<AlertSequence> Build(IEnumerable<NormalizedAlert> alerts, SequencerOptions options)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var sequencer = new Sequencer(options);
        var byId = new Dictionary<string, AlertSequence>(StringComparer.Ordinal);
        var order = new List<string>();
        void Apply(IReadOnlyList<SequenceUpdate> updates)
        {
            foreach (var u in updates)
            {
                foreach (var r in u.Replaces)
                {
                    byId.Remove(r);
                }

                if (byId.TryAdd(u.Sequence.SequenceId, u.Sequence))
                {
                    order.Add(u.Sequence.SequenceId);
                }
                else
                {
                    byId[u.Sequence.SequenceId] = u.Sequence;
                }
            }
        }

        foreach (var a in alerts)
        {
            Apply(sequencer.Add(a));
        }

        Apply(sequencer.Flush());
        return [.. order.Distinct(StringComparer.Ordinal).Where(byId.ContainsKey).Select(id => byId[id])];
    }
}
