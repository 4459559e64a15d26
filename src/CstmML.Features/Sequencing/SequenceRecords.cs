using CstmML.Core.Alerts;
using CstmML.Core.Serialization;

namespace CstmML.Features.Sequencing;

/// <summary>Converts emitted sequences to their output record (one line of <c>cstm sequences</c>).</summary>
public static class SequenceRecords
{
    public static SequenceRecord From(SequenceUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var s = update.Sequence;
        var products = new List<AlertProduct>();
        foreach (var a in s.Alerts)
        {
            if (!products.Contains(a.Product))
            {
                products.Add(a.Product);
            }
        }

        return new SequenceRecord
        {
            SequenceId = s.SequenceId,
            Account = s.Account,
            Principal = s.Principal,
            PrincipalType = s.PrincipalType,
            Start = s.Start,
            End = s.End,
            DurationSeconds = (s.End - s.Start).TotalSeconds,
            AlertCount = s.Alerts.Count,
            Techniques = s.Techniques,
            TacticChain = s.TacticChain,
            AlertIds = [.. s.Alerts.Select(a => a.Id)],
            Types = [.. s.Alerts.Select(a => a.Type)],
            Products = products,
            LateAlerts = update.LateAlerts,
            Replaces = update.Replaces.Count > 0 ? update.Replaces : null,
        };
    }
}
