using System.Text.Json.Serialization;

namespace CstmML.Scoring.Baselines;

/// <summary>
/// A first-order Markov chain over tokens with start/end tokens and Laplace (add-α) smoothing:
/// P(b | a) = (count(a, b) + α) / (count(a) + α·V), V = vocabulary + end + unknown. Unseen tokens map to the unknown token.
/// </summary>
public sealed record MarkovChainModel
{
    /// <summary>Padding token before the first token.</summary>
    public const string StartToken = "<start>";

    /// <summary>Padding token after the last token.</summary>
    public const string EndToken = "<end>";

    /// <summary>Stands for every token not seen in training.</summary>
    public const string UnknownToken = "<unk>";

    private const int MaxLowest = 3;

    private Dictionary<string, Dictionary<string, int>>? _counts;
    private Dictionary<string, int>? _totals;
    private HashSet<string>? _vocabulary;

    /// <summary>The smoothing constant α (&gt; 0).</summary>
    public required double Alpha { get; init; }

    /// <summary>Tokens seen in training, sorted ordinally.</summary>
    public required IReadOnlyList<string> Vocabulary { get; init; }

    /// <summary>Observed transitions, sorted by from then to.</summary>
    public required IReadOnlyList<MarkovTransition> Transitions { get; init; }

    /// <summary>Number of possible next tokens: vocabulary + end + unknown.</summary>
    [JsonIgnore]
    public int Outcomes => Vocabulary.Count + 2;

    /// <summary>Counts transitions over <paramref name="sequences"/> (each padded with start/end).</summary>
    public static MarkovChainModel Fit(IEnumerable<IReadOnlyList<string>> sequences, double alpha)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        var counts = new Dictionary<(string, string), int>();
        var vocabulary = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tokens in sequences)
        {
            var previous = StartToken;
            foreach (var t in tokens)
            {
                vocabulary.Add(t);
                Increment(counts, previous, t);
                previous = t;
            }

            Increment(counts, previous, EndToken);
        }

        return new MarkovChainModel
        {
            Alpha = alpha,
            Vocabulary = [.. vocabulary],
            Transitions = counts
                .OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal)
                .ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
                .Select(kv => new MarkovTransition(kv.Key.Item1, kv.Key.Item2, kv.Value))
                .ToArray(),
        };
    }

    /// <summary>Natural log of P(<paramref name="to"/> | <paramref name="from"/>), both already mapped to known or special tokens.</summary>
    public double LogProbability(string from, string to)
    {
        EnsureIndex();
        var total = _totals!.GetValueOrDefault(from);
        var count = _counts!.TryGetValue(from, out var row) ? row.GetValueOrDefault(to) : 0;
        return Math.Log((count + Alpha) / (total + (Alpha * Outcomes)));
    }

    /// <summary>The tokens padded with start/end, unseen ones replaced by the unknown token.</summary>
    public string[] Pad(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        EnsureIndex();
        var padded = new string[tokens.Count + 2];
        padded[0] = StartToken;
        for (var i = 0; i < tokens.Count; i++)
        {
            padded[i + 1] = _vocabulary!.Contains(tokens[i]) ? tokens[i] : UnknownToken;
        }

        padded[^1] = EndToken;
        return padded;
    }

    /// <summary>Number of distinct tokens of <paramref name="tokens"/> never seen in training (the novelty signal).</summary>
    public int UnseenCount(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        EnsureIndex();
        HashSet<string>? unseen = null;
        foreach (var t in tokens)
        {
            if (!_vocabulary!.Contains(t))
            {
                (unseen ??= new HashSet<string>(StringComparer.Ordinal)).Add(t);
            }
        }

        return unseen?.Count ?? 0;
    }

    /// <summary>Sum of transition log-probabilities over the padded sequence.</summary>
    public double LogLikelihood(IReadOnlyList<string> tokens)
    {
        var padded = Pad(tokens);
        var sum = 0.0;
        for (var i = 0; i + 1 < padded.Length; i++)
        {
            sum += LogProbability(padded[i], padded[i + 1]);
        }

        return sum;
    }

    /// <summary>
    /// Scores a token sequence: whole-sequence mean log-likelihood, the rarest window of <paramref name="window"/>
    /// transitions (all transitions when fewer), and the least likely transitions.
    /// </summary>
    public MarkovScore Score(IReadOnlyList<string> tokens, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var padded = Pad(tokens);
        var logs = new double[padded.Length - 1];
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = LogProbability(padded[i], padded[i + 1]);
        }

        var w = Math.Min(window, logs.Length);
        var sum = 0.0;
        for (var i = 0; i < w; i++)
        {
            sum += logs[i];
        }

        var bestStart = 0;
        var bestSum = sum;
        for (var i = w; i < logs.Length; i++)
        {
            sum += logs[i] - logs[i - w];
            // Strictly lower keeps the earliest window on ties, so results are deterministic.
            if (sum < bestSum - 1e-12)
            {
                bestSum = sum;
                bestStart = i - w + 1;
            }
        }

        var lowest = Enumerable.Range(0, logs.Length)
            .OrderBy(i => logs[i])
            .ThenBy(i => i)
            .Select(i => FormattableString.Invariant($"{padded[i]} -> {padded[i + 1]} (p={Math.Exp(logs[i]):0.####})"))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxLowest)
            .ToArray();

        var rarest = new MarkovWindow(bestStart, padded[bestStart..(bestStart + w + 1)], bestSum / w);
        return new MarkovScore(logs.Average(), rarest, lowest);
    }

    private static void Increment(Dictionary<(string, string), int> counts, string from, string to) =>
        counts[(from, to)] = counts.GetValueOrDefault((from, to)) + 1;

    private void EnsureIndex()
    {
        if (_counts is not null)
        {
            return;
        }

        // Built once on first use; a benign race only builds the same index twice.
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in Transitions)
        {
            if (!counts.TryGetValue(t.From, out var row))
            {
                row = new Dictionary<string, int>(StringComparer.Ordinal);
                counts[t.From] = row;
            }

            row[t.To] = t.Count;
            totals[t.From] = totals.GetValueOrDefault(t.From) + t.Count;
        }

        _vocabulary = new HashSet<string>(Vocabulary, StringComparer.Ordinal);
        _totals = totals;
        _counts = counts;
    }
}
