using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Hashing;
using CstmML.Core.Sequences;

namespace CstmML.Features.Sequencing;

/// <summary>Builds an <see cref="AlertSequence"/> from one session's alerts (already ordered) and its stable id.</summary>
public static class SequenceBuilder
{
    /// <summary>Orders alerts by event time, then by alert id (ordinal): the deterministic tiebreak.</summary>
    public static Comparison<NormalizedAlert> Order { get; } = (a, b) =>
    {
        var c = a.Time.CompareTo(b.Time);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    };

    /// <summary>The stable id: <c>s:</c> and the FNV-1a 64 hash of account, principal, start (UTC, round-trip) and first alert id.</summary>
    public static string SequenceId(string account, string principal, DateTimeOffset start, string firstAlertId)
    {
        // U+001F (unit separator) cannot occur in the parts, so different splits never collide by concatenation.
        var text = string.Join('\u001f', account, principal, start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), firstAlertId);
        return "s:" + StableHash.Fnv1a64(text).ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The sequence of <paramref name="alerts"/>, which must be non-empty, share one key and be in <see cref="Order"/>.</summary>
    public static AlertSequence Build(SequenceKey key, IReadOnlyList<NormalizedAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentOutOfRangeException.ThrowIfZero(alerts.Count);
        var techniques = new List<TechniqueId>();
        var tactics = new List<TacticId>();
        var principalType = PrincipalTypes.Unknown;
        foreach (var a in alerts)
        {
            foreach (var t in a.Techniques)
            {
                if (techniques.Count == 0 || techniques[^1] != t)
                {
                    techniques.Add(t);
                }
            }

            foreach (var t in a.Tactics)
            {
                if (tactics.Count == 0 || tactics[^1] != t)
                {
                    tactics.Add(t);
                }
            }

            if (principalType == PrincipalTypes.Unknown)
            {
                principalType = a.PrincipalType;
            }
        }

        var start = alerts[0].Time;
        return new AlertSequence
        {
            SequenceId = SequenceId(key.Account, key.Principal, start, alerts[0].Id),
            Account = key.Account,
            Principal = key.Principal,
            PrincipalType = principalType,
            Start = start,
            End = alerts[^1].Time,
            Alerts = alerts,
            Techniques = techniques,
            TacticChain = tactics,
        };
    }
}
