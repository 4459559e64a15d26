using System.Buffers;
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

    private MarkovIndex? _index;

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
    public double LogProbability(string from, string to) => Index().LogProbability(from, to, Alpha, Outcomes);

    /// <summary>The tokens padded with start/end, unseen ones replaced by the unknown token.</summary>
    public string[] Pad(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var index = Index();
        var padded = new string[tokens.Count + 2];
        padded[0] = StartToken;
        for (var i = 0; i < tokens.Count; i++)
        {
            padded[i + 1] = index.IsKnown(tokens[i]) ? tokens[i] : UnknownToken;
        }

        padded[^1] = EndToken;
        return padded;
    }

    /// <summary>Number of distinct tokens of <paramref name="tokens"/> never seen in training (the novelty signal).</summary>
    public int UnseenCount(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var index = Index();
        HashSet<string>? unseen = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!index.IsKnown(t))
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
        ArgumentNullException.ThrowIfNull(tokens);
        var index = Index();

        // Tokens become ids once (one hash each); transitions are then looked up by id pair. Pooled: nothing per token.
        var padded = tokens.Count + 2;
        var ids = ArrayPool<int>.Shared.Rent(padded);
        var logs = ArrayPool<double>.Shared.Rent(padded - 1);
        try
        {
            ids[0] = index.Start;
            for (var i = 0; i < tokens.Count; i++)
            {
                ids[i + 1] = index.IdOf(tokens[i]);
            }

            ids[padded - 1] = index.End;
            var count = padded - 1;
            for (var i = 0; i < count; i++)
            {
                logs[i] = index.LogProbability(ids[i], ids[i + 1], Alpha, Outcomes);
            }

            var w = Math.Min(window, count);
            var sum = 0.0;
            for (var i = 0; i < w; i++)
            {
                sum += logs[i];
            }

            var bestStart = 0;
            var bestSum = sum;
            for (var i = w; i < count; i++)
            {
                sum += logs[i] - logs[i - w];
                // Strictly lower keeps the earliest window on ties, so results are deterministic.
                if (sum < bestSum - 1e-12)
                {
                    bestSum = sum;
                    bestStart = i - w + 1;
                }
            }

            var windowTokens = new string[w + 1];
            for (var k = 0; k <= w; k++)
            {
                windowTokens[k] = index.Names[ids[bestStart + k]];
            }

            // The mean in the order Enumerable.Average adds (first to last), so the value is the same to the bit.
            var total = 0.0;
            for (var i = 0; i < count; i++)
            {
                total += logs[i];
            }

            var lowest = LowestTransitions(index, ids.AsSpan(0, padded), logs.AsSpan(0, count));
            return new MarkovScore(total / count, new MarkovWindow(bestStart, windowTokens, bestSum / w), lowest);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
            ArrayPool<double>.Shared.Return(logs);
        }
    }

    /// <summary>
    /// Up to <see cref="MaxLowest"/> distinct transition texts, least likely first (ties: earliest first). Equal id
    /// pairs make equal texts, so a pass keeping the best pairs replaces sorting every transition; should two different
    /// pairs ever print the same text (a token containing " -> "), the full sort decides.
    /// </summary>
    private static string[] LowestTransitions(MarkovIndex index, ReadOnlySpan<int> ids, ReadOnlySpan<double> logs)
    {
        Span<int> best = stackalloc int[MaxLowest];
        var kept = 0;
        for (var i = 0; i < logs.Length; i++)
        {
            var duplicate = false;
            for (var k = 0; k < kept && !duplicate; k++)
            {
                duplicate = ids[best[k]] == ids[i] && ids[best[k] + 1] == ids[i + 1];
            }

            if (duplicate || (kept == MaxLowest && !Lower(logs, i, best[kept - 1])))
            {
                continue;
            }

            var at = Math.Min(kept, MaxLowest - 1);
            while (at > 0 && Lower(logs, i, best[at - 1]))
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = i;
            kept = Math.Min(kept + 1, MaxLowest);
        }

        var texts = new string[kept];
        for (var k = 0; k < kept; k++)
        {
            texts[k] = TransitionText(index.Names[ids[best[k]]], index.Names[ids[best[k] + 1]], logs[best[k]]);
        }

        for (var a = 0; a < kept; a++)
        {
            for (var b = a + 1; b < kept; b++)
            {
                if (string.Equals(texts[a], texts[b], StringComparison.Ordinal))
                {
                    return LowestTransitionsBySort(index, ids, logs);
                }
            }
        }

        return texts;
    }

    // Transition i sorts before transition j: lower log-probability, then earlier.
    private static bool Lower(ReadOnlySpan<double> logs, int i, int j)
    {
        var byLog = logs[i].CompareTo(logs[j]);
        return byLog != 0 ? byLog < 0 : i < j;
    }

    // Every transition sorted, texts de-duplicated: the definition the fast path reproduces.
    private static string[] LowestTransitionsBySort(MarkovIndex index, ReadOnlySpan<int> ids, ReadOnlySpan<double> logs)
    {
        var names = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            names[i] = index.Names[ids[i]];
        }

        var values = logs.ToArray();
        return [.. Enumerable.Range(0, values.Length)
            .OrderBy(i => values[i])
            .ThenBy(i => i)
            .Select(i => TransitionText(names[i], names[i + 1], values[i]))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxLowest)];
    }

    private static string TransitionText(string from, string to, double log) =>
        FormattableString.Invariant($"{from} -> {to} (p={Math.Exp(log):0.####})");

    private static void Increment(Dictionary<(string, string), int> counts, string from, string to) =>
        counts[(from, to)] = counts.GetValueOrDefault((from, to)) + 1;

    // Built once on first use; a benign race only builds the same index twice (it is published by one reference).
    // A copy made with 'with' and another vocabulary or transition list builds its own.
    private MarkovIndex Index() =>
        _index is { } index && index.IsFor(Vocabulary, Transitions) ? index : _index = new MarkovIndex(Vocabulary, Transitions);
}
