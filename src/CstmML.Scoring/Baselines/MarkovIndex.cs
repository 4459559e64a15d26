namespace CstmML.Scoring.Baselines;

/// <summary>
/// A <see cref="MarkovChainModel"/>'s counts in the form scoring reads: every token an id (the vocabulary's, then
/// the start, end and unknown tokens), transition counts by id pair, totals by id. Immutable once built, so any
/// number of threads may read it.
/// </summary>
internal sealed class MarkovIndex
{
    private readonly IReadOnlyList<string> _vocabularySource;
    private readonly IReadOnlyList<MarkovTransition> _transitionsSource;
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _pairCounts = [];
    private readonly int[] _totalsById;

    public MarkovIndex(IReadOnlyList<string> vocabulary, IReadOnlyList<MarkovTransition> transitions)
    {
        _vocabularySource = vocabulary;
        _transitionsSource = transitions;
        var names = new List<string>(vocabulary.Count + 3);
        foreach (var token in vocabulary)
        {
            if (_vocabulary.TryAdd(token, names.Count))
            {
                names.Add(token);
            }
        }

        // The special tokens: a vocabulary token of the same text (never made by SequenceTokens) shares its id, as the
        // string-keyed lookups did.
        var all = new Dictionary<string, int>(_vocabulary, StringComparer.Ordinal);
        Start = Special(all, names, MarkovChainModel.StartToken);
        End = Special(all, names, MarkovChainModel.EndToken);
        Unknown = Special(all, names, MarkovChainModel.UnknownToken);
        Names = [.. names];

        foreach (var t in transitions)
        {
            if (!_counts.TryGetValue(t.From, out var row))
            {
                row = new Dictionary<string, int>(StringComparer.Ordinal);
                _counts[t.From] = row;
            }

            row[t.To] = t.Count;
            _totals[t.From] = _totals.GetValueOrDefault(t.From) + t.Count;
        }

        _totalsById = new int[Names.Length];
        for (var id = 0; id < Names.Length; id++)
        {
            _totalsById[id] = _totals.GetValueOrDefault(Names[id]);
        }

        foreach (var (from, row) in _counts)
        {
            if (!all.TryGetValue(from, out var fromId))
            {
                continue; // a row no padded token can reach
            }

            foreach (var (to, count) in row)
            {
                if (all.TryGetValue(to, out var toId))
                {
                    _pairCounts[Key(fromId, toId)] = count;
                }
            }
        }
    }

    /// <summary>The text of each id.</summary>
    public string[] Names { get; }

    public int Start { get; }

    public int End { get; }

    public int Unknown { get; }

    /// <summary>Whether this index was built from these very lists.</summary>
    public bool IsFor(IReadOnlyList<string> vocabulary, IReadOnlyList<MarkovTransition> transitions) =>
        ReferenceEquals(vocabulary, _vocabularySource) && ReferenceEquals(transitions, _transitionsSource);

    /// <summary>Whether <paramref name="token"/> was seen in training.</summary>
    public bool IsKnown(string token) => _vocabulary.ContainsKey(token);

    /// <summary>The id of a sequence token: its vocabulary id, or the unknown token's.</summary>
    public int IdOf(string token) => _vocabulary.TryGetValue(token, out var id) ? id : Unknown;

    /// <summary>ln P(to | from) with add-α smoothing over <paramref name="outcomes"/> possible next tokens.</summary>
    public double LogProbability(string from, string to, double alpha, int outcomes)
    {
        var total = _totals.GetValueOrDefault(from);
        var count = _counts.TryGetValue(from, out var row) ? row.GetValueOrDefault(to) : 0;
        return Math.Log((count + alpha) / (total + (alpha * outcomes)));
    }

    /// <summary>The same as <see cref="LogProbability(string, string, double, int)"/> for the tokens of two ids.</summary>
    public double LogProbability(int from, int to, double alpha, int outcomes)
    {
        var total = _totalsById[from];
        var count = _pairCounts.GetValueOrDefault(Key(from, to));
        return Math.Log((count + alpha) / (total + (alpha * outcomes)));
    }

    private static long Key(int from, int to) => ((long)from << 32) | (uint)to;

    private static int Special(Dictionary<string, int> all, List<string> names, string token)
    {
        if (all.TryGetValue(token, out var id))
        {
            return id;
        }

        id = names.Count;
        names.Add(token);
        all[token] = id;
        return id;
    }
}
