using System.Globalization;
using CstmML.Core.Sequences;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Engine;

/// <summary>Adds to an anomaly result what a person needs: the rarest window's alerts and how the sequence differs from the baseline.</summary>
internal sealed class AnomalyExplainer
{
    private const int MaxListed = 5;
    private const int MaxUnseenTokens = 20;

    private readonly Dictionary<string, HashSet<string>> _vocabularies;
    private readonly TokenKind _tokens;
    private readonly int _minRoleHistory;

    public AnomalyExplainer(BaselineSet set)
    {
        _tokens = set.Tokens;
        _minRoleHistory = set.MinRoleHistory;
        _vocabularies = set.Baselines.ToDictionary(b => b.Key, b => new HashSet<string>(b.Markov.Vocabulary, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public AnomalyResult Explain(AnomalyResult anomaly, AlertSequence sequence, IReadOnlyList<string> tokens)
    {
        // Padded index i (0 = <start>) is token i - 1; the start and end tokens have no alert. A token is one alert
        // (alert-type tokens) or one run of a technique (technique tokens), which may span several alerts.
        var spans = TokenAlerts(sequence, tokens.Count);
        int first = int.MaxValue, last = -1;
        for (var i = 0; i < anomaly.RarestWindow.Tokens.Count; i++)
        {
            var token = anomaly.RarestWindow.Start + i - 1;
            if (token >= 0 && token < spans.Length && spans[token].First >= 0)
            {
                first = Math.Min(first, spans[token].First);
                last = Math.Max(last, spans[token].Last);
            }
        }

        var ids = new List<string>();
        for (var a = first; a <= last; a++)
        {
            ids.Add(sequence.Alerts[a].Id);
        }

        var differences = new List<string>();
        var unseenSteps = 0;
        IReadOnlyList<string> unseenTokens = [];
        if (anomaly.Baseline != BaselineLevel.Role)
        {
            differences.Add(Invariant($"no baseline of its own (fewer than {_minRoleHistory} benign sequences): compared with the {anomaly.Baseline.ToString().ToLowerInvariant()} baseline {anomaly.BaselineKey}"));
        }

        if (_vocabularies.TryGetValue(anomaly.BaselineKey, out var known))
        {
            var unseen = tokens.Where(t => !known.Contains(t)).ToArray();
            if (unseen.Length > 0)
            {
                var distinct = unseen.Distinct(StringComparer.Ordinal).ToArray();
                unseenSteps = unseen.Length;
                unseenTokens = distinct.Length > MaxUnseenTokens ? distinct[..MaxUnseenTokens] : distinct;
                var listed = string.Join(", ", distinct.Take(MaxListed)) + (distinct.Length > MaxListed ? ", ..." : string.Empty);
                differences.Add(_tokens == TokenKind.Technique
                    ? Invariant($"{unseen.Length} of the {tokens.Count} technique steps use techniques never seen in this baseline: {listed}")
                    : Invariant($"{unseen.Length} of {tokens.Count} alerts are alert types never seen in this baseline: {listed}"));
            }
        }

        if (anomaly.RarestWindow.Tokens.Count > 0)
        {
            differences.Add(Invariant($"rarest stretch {string.Join(" -> ", anomaly.RarestWindow.Tokens)} (mean transition probability {Math.Exp(anomaly.RarestWindow.MeanLogLikelihood):0.####})"));
        }

        if (anomaly.KMeansTailProbability is { } pk && pk < 0.05)
        {
            differences.Add(Invariant($"feature profile far from the baseline's clusters (tail probability {pk:0.###})"));
        }

        return anomaly with { RarestWindowAlertIds = ids, UnseenSteps = unseenSteps, UnseenTokens = unseenTokens, Differences = differences };
    }

    // For each token, the first and last alert behind it ((-1, -1) if none), replaying how the tokens were made.
    private (int First, int Last)[] TokenAlerts(AlertSequence sequence, int count)
    {
        var spans = new (int First, int Last)[count];
        spans.AsSpan().Fill((-1, -1));
        var alerts = sequence.Alerts;
        if (_tokens != TokenKind.Technique)
        {
            for (var a = 0; a < Math.Min(count, alerts.Count); a++)
            {
                spans[a] = (a, a);
            }

            return spans;
        }

        // SequenceBuilder collapses a technique repeated by consecutive alerts into one step.
        var k = -1;
        for (var a = 0; a < alerts.Count; a++)
        {
            foreach (var t in alerts[a].Techniques)
            {
                if (k >= 0 && k < count && sequence.Techniques[k] == t)
                {
                    spans[k].Last = a;
                    continue;
                }

                if (++k >= count)
                {
                    return spans;
                }

                spans[k] = (a, a);
            }
        }

        return spans;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
