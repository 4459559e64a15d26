namespace CstmML.Features.Sequencing;

/// <summary>The sequencing key: account (or tenant, subscription, project) and canonical principal.</summary>
public readonly record struct SequenceKey(string Account, string Principal) : IComparable<SequenceKey>
{
    /// <summary>Ordinal by account, then principal.</summary>
    public int CompareTo(SequenceKey other)
    {
        var c = string.CompareOrdinal(Account, other.Account);
        return c != 0 ? c : string.CompareOrdinal(Principal, other.Principal);
    }

    public static bool operator <(SequenceKey left, SequenceKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(SequenceKey left, SequenceKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(SequenceKey left, SequenceKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(SequenceKey left, SequenceKey right) => left.CompareTo(right) >= 0;
}
