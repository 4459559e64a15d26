using CstmML.Core.Alerts;
using CstmML.Core.Attack;

namespace CstmML.Features.Featurization;

/// <summary>
/// Kill-chain order (1..14) of a tactic id by its number, from the pinned catalog: an array read instead of a
/// string-keyed lookup, because the featurizer does this for every tactic of every alert.
/// </summary>
internal static class TacticOrders
{
    private static readonly int[] OrderByNumber = Build();

    /// <summary>The order of <paramref name="id"/>, or 0 for an id the pinned catalog does not know.</summary>
    public static int Of(TacticId id)
    {
        var v = id.Value;
        if (v is not { Length: 6 })
        {
            return 0;
        }

        var number = ((v[2] - '0') * 1000) + ((v[3] - '0') * 100) + ((v[4] - '0') * 10) + (v[5] - '0');
        return (uint)number < (uint)OrderByNumber.Length ? OrderByNumber[number] : 0;
    }

    private static int[] Build()
    {
        var tactics = AttackCatalog.Pinned.Tactics;
        var table = new int[10000];
        foreach (var t in tactics)
        {
            table[int.Parse(t.Id.Value.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture)] = t.Order;
        }

        return table;
    }
}
