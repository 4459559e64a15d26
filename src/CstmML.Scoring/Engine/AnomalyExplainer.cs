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
        // Only the window's tokens are looked up: alert-type tokens are alerts one to one, technique tokens replay the
        // collapsing of repeats (no span array for every token).
        var windowFirst = anomaly.RarestWindow.Start - 1;
        var windowEnd = windowFirst + anomaly.RarestWindow.Tokens.Count;
        var (first, last) = WindowAlerts(sequence, tokens.Count, Math.Max(windowFirst, 0), windowEnd);
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
            var unseenCount = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                unseenCount += known.Contains(tokens[i]) ? 0 : 1;
            }

            if (unseenCount > 0)
            {
                // First occurrences in order, as Distinct gives them.
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var distinct = new List<string>();
                for (var i = 0; i < tokens.Count; i++)
                {
                    var t = tokens[i];
                    if (!known.Contains(t) && seen.Add(t))
                    {
                        distinct.Add(t);
                    }
                }

                unseenSteps = unseenCount;
                unseenTokens = distinct.Count > MaxUnseenTokens ? distinct.GetRange(0, MaxUnseenTokens).ToArray() : [.. distinct];
                var listed = string.Join(", ", distinct.Take(MaxListed)) + (distinct.Count > MaxListed ? ", ..." : string.Empty);
                differences.Add(_tokens == TokenKind.Technique
                    ? Invariant($"{unseenCount} of the {tokens.Count} technique steps use techniques never seen in this baseline: {listed}")
                    : Invariant($"{unseenCount} of {tokens.Count} alerts are alert types never seen in this baseline: {listed}"));
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

    // The first and last alert behind tokens [from, to) of the sequence's count tokens ((int.MaxValue, -1) if none),
    // replaying how the tokens were made.
    private (int First, int Last) WindowAlerts(AlertSequence sequence, int count, int from, int to)
    {
        int first = int.MaxValue, last = -1;
        to = Math.Min(to, count);
        var alerts = sequence.Alerts;
        if (_tokens != TokenKind.Technique)
        {
            for (var a = from; a < Math.Min(to, alerts.Count); a++)
            {
                first = Math.Min(first, a);
                last = Math.Max(last, a);
            }

            return (first, last);
        }

        // SequenceBuilder collapses a technique repeated by consecutive alerts into one step.
        var k = -1;
        for (var a = 0; a < alerts.Count; a++)
        {
            var techniques = alerts[a].Techniques;
            for (var j = 0; j < techniques.Count; j++)
            {
                var t = techniques[j];
                if (k >= 0 && k < count && sequence.Techniques[k] == t)
                {
                    if (k >= from && k < to)
                    {
                        last = Math.Max(last, a);
                    }

                    continue;
                }

                if (++k >= count || k >= to)
                {
                    return (first, last);
                }

                if (k >= from)
                {
                    first = Math.Min(first, a);
                    last = Math.Max(last, a);
                }
            }
        }

        return (first, last);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
