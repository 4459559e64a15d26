using System.Globalization;
using CstmML.Core.Sequences;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Engine;

/// <summary>Adds to an anomaly result what a person needs: the rarest window's alerts and how the sequence differs from the baseline.</summary>
internal sealed class AnomalyExplainer
{
    private const int MaxListed = 5;

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
        // Padded index i (0 = <start>) is alert i - 1; the start and end tokens have no alert.
        var ids = new List<string>();
        for (var i = 0; i < anomaly.RarestWindow.Tokens.Count; i++)
        {
            var alert = anomaly.RarestWindow.Start + i - 1;
            if (alert >= 0 && alert < sequence.Alerts.Count)
            {
                ids.Add(sequence.Alerts[alert].Id);
            }
        }

        var differences = new List<string>();
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
                var kind = _tokens == TokenKind.Technique ? "techniques" : "alert types";
                var listed = string.Join(", ", distinct.Take(MaxListed)) + (distinct.Length > MaxListed ? ", ..." : string.Empty);
                differences.Add(Invariant($"{unseen.Length} of {tokens.Count} alerts are {kind} never seen in this baseline: {listed}"));
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

        return anomaly with { RarestWindowAlertIds = ids, Differences = differences };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
