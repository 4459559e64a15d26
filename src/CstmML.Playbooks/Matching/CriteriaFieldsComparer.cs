using CstmML.Core.Alerts;

namespace CstmML.Playbooks.Matching;

/// <summary>
/// Alerts compared by the fields step criteria and the step index read (type, product, provider, service, outcome,
/// user agent, techniques, tactics): two alerts equal here match exactly the same steps.
/// </summary>
internal sealed class CriteriaFieldsComparer : IEqualityComparer<NormalizedAlert>
{
    public static readonly CriteriaFieldsComparer Instance = new();

    public bool Equals(NormalizedAlert? x, NormalizedAlert? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && x.Product == y.Product
            && x.Provider == y.Provider
            && string.Equals(x.Type, y.Type, StringComparison.Ordinal)
            && string.Equals(x.Service, y.Service, StringComparison.Ordinal)
            && string.Equals(x.Outcome, y.Outcome, StringComparison.Ordinal)
            && string.Equals(x.UserAgent, y.UserAgent, StringComparison.Ordinal)
            && SameItems(x.Techniques, y.Techniques)
            && SameItems(x.Tactics, y.Tactics));

    // Cheap on purpose: the type's hash plus lengths and enums; equal alerts always agree, and a collision only costs
    // an Equals. (Only the table's layout depends on it, never a result.)
    public int GetHashCode(NormalizedAlert obj) => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(obj.Type),
        obj.Product,
        obj.Provider,
        obj.Service?.Length ?? -1,
        obj.Outcome?.Length ?? -1,
        obj.UserAgent?.Length ?? -1,
        obj.Techniques.Count,
        obj.Tactics.Count);

    private static bool SameItems<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : IEquatable<T>
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
