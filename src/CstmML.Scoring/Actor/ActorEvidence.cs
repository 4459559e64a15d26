using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<(string Label, string Rival, string Technique), string> _texts = new();

    /// <summary>
    /// Techniques of the sequence that favour <paramref name="label"/> over <paramref name="rival"/> most:
    /// those with the largest positive share difference, at most three, e.g. <c>T1098 (0.92 vs 0.10)</c>.
    /// Repeated techniques count once.
    /// </summary>
    public IReadOnlyList<string> Separating(string label, string rival, IEnumerable<string> sequenceTechniques)
    {
        ArgumentNullException.ThrowIfNull(sequenceTechniques);
        return SeparatingDistinct(label, rival, sequenceTechniques.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary><see cref="Separating"/> for techniques already distinct (the scorer dedups once per sequence, not per candidate).</summary>
    internal IReadOnlyList<string> SeparatingDistinct(string label, string rival, ReadOnlySpan<string> distinct)
    {
        var mine = Lookup(label);
        var theirs = Lookup(rival);

        // Keep the best three in place (largest gap first, then technique): no list, no sort.
        Span<(string? Technique, double Mine, double Theirs)> best = [default, default, default];
        var count = 0;
        foreach (var t in distinct)
        {
            var m = mine.GetValueOrDefault(t);
            var r = theirs.GetValueOrDefault(t);
            if (m <= r)
            {
                continue;
            }

            var at = count;
            while (at > 0 && Before((t, m, r), best[at - 1]))
            {
                at--;
            }

            if (at >= MaxEvidence)
            {
                continue;
            }

            for (var i = Math.Min(count, MaxEvidence - 1); i > at; i--)
            {
                best[i] = best[i - 1];
            }

            best[at] = (t, m, r);
            count = Math.Min(count + 1, MaxEvidence);
        }

        if (count == 0)
        {
            return [];
        }

        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            var (t, m, r) = best[i];

            // Formatting two doubles costs more than the rest of the explanation; the text only depends on the pair
            // of classes and the technique, so it is made once (bounded: classes x classes x known techniques).
            result[i] = _texts.GetOrAdd((label, rival, t!), static (_, x) => FormattableString.Invariant($"{x.T} ({x.M:0.00} vs {x.R:0.00})"), (T: t, M: m, R: r));
        }

        return result;
    }

    // Larger gap first; equal gaps in technique order.
    private static bool Before((string? Technique, double Mine, double Theirs) a, (string? Technique, double Mine, double Theirs) b)
    {
        var byGap = (a.Mine - a.Theirs).CompareTo(b.Mine - b.Theirs);
        return byGap != 0 ? byGap > 0 : string.CompareOrdinal(a.Technique, b.Technique) < 0;
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
