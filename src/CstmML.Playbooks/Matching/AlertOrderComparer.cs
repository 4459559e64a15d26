namespace CstmML.Playbooks.Matching;

/// <summary>Orders <see cref="AlertOrder"/> by time, id (ordinal), arrival.</summary>
internal sealed class AlertOrderComparer : IComparer<AlertOrder>
{
    public static readonly AlertOrderComparer Instance = new();

    public int Compare(AlertOrder x, AlertOrder y)
    {
        var c = x.Ticks.CompareTo(y.Ticks);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : x.Arrival.CompareTo(y.Arrival);
    }
}
