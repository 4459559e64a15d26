using System.Collections.Frozen;

namespace CstmML.Scoring.Actor;

/// <summary>Per-class technique frequencies from training (<c>actor_evidence.json</c>), used to explain candidates.</summary>
/// <param name="Classes">Class label to its techniques' shares, sorted by technique.</param>
public sealed record ActorEvidence(IReadOnlyDictionary<string, IReadOnlyList<TechniqueFrequency>> Classes)
{
    private const int MaxEvidence = 3;
    private static readonly FrozenDictionary<string, double> None = FrozenDictionary<string, double>.Empty;

    // Built once: every scored sequence explains up to five candidates, each against a rival.
    private FrozenDictionary<string, FrozenDictionary<string, double>>? _index;

    /// <summary>
    /// Techniques of the sequence that favour <paramref name="label"/> over <paramref name="rival"/> most:
    /// those with the largest positive share difference, at most three, e.g. <c>T1098 (0.92 vs 0.10)</c>.
    /// Repeated techniques count once.
    /// </summary>
    public IReadOnlyList<string> Separating(string label, string rival, IEnumerable<string> sequenceTechniques)
    {
        ArgumentNullException.ThrowIfNull(sequenceTechniques);
        var mine = Lookup(label);
        var theirs = Lookup(rival);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var favoured = new List<(string Technique, double Mine, double Theirs)>();
        foreach (var t in sequenceTechniques)
        {
            if (!seen.Add(t))
            {
                continue;
            }

            var m = mine.GetValueOrDefault(t);
            var r = theirs.GetValueOrDefault(t);
            if (m > r)
            {
                favoured.Add((t, m, r));
            }
        }

        if (favoured.Count == 0)
        {
            return [];
        }

        favoured.Sort(static (a, b) =>
        {
            var byGap = (b.Mine - b.Theirs).CompareTo(a.Mine - a.Theirs);
            return byGap != 0 ? byGap : string.CompareOrdinal(a.Technique, b.Technique);
        });
        var result = new string[Math.Min(MaxEvidence, favoured.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            var (t, m, r) = favoured[i];
            result[i] = FormattableString.Invariant($"{t} ({m:0.00} vs {r:0.00})");
        }

        return result;
    }

    private FrozenDictionary<string, double> Lookup(string label)
    {
        var index = _index ??= Classes.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.ToFrozenDictionary(f => f.Technique, f => f.Share, StringComparer.Ordinal),
            StringComparer.Ordinal);
        return index.TryGetValue(label, out var shares) ? shares : None;
    }
}
