namespace CstmML.Scoring.Actor;

/// <summary>Per-class technique frequencies from training (<c>actor_evidence.json</c>), used to explain candidates.</summary>
/// <param name="Classes">Class label to its techniques' shares, sorted by technique.</param>
public sealed record ActorEvidence(IReadOnlyDictionary<string, IReadOnlyList<TechniqueFrequency>> Classes)
{
    private const int MaxEvidence = 3;

    /// <summary>
    /// Techniques of the sequence that favour <paramref name="label"/> over <paramref name="rival"/> most:
    /// those with the largest positive share difference, at most three, e.g. <c>T1098 (0.92 vs 0.10)</c>.
    /// </summary>
    public IReadOnlyList<string> Separating(string label, string rival, IEnumerable<string> sequenceTechniques)
    {
        ArgumentNullException.ThrowIfNull(sequenceTechniques);
        var mine = Lookup(label);
        var theirs = Lookup(rival);
        return sequenceTechniques
            .Distinct(StringComparer.Ordinal)
            .Select(t => (Technique: t, Mine: mine.GetValueOrDefault(t), Theirs: theirs.GetValueOrDefault(t)))
            .Where(x => x.Mine > x.Theirs)
            .OrderByDescending(x => x.Mine - x.Theirs)
            .ThenBy(x => x.Technique, StringComparer.Ordinal)
            .Take(MaxEvidence)
            .Select(x => FormattableString.Invariant($"{x.Technique} ({x.Mine:0.00} vs {x.Theirs:0.00})"))
            .ToArray();
    }

    private Dictionary<string, double> Lookup(string label) =>
        Classes.TryGetValue(label, out var list)
            ? list.ToDictionary(f => f.Technique, f => f.Share, StringComparer.Ordinal)
            : [];
}
