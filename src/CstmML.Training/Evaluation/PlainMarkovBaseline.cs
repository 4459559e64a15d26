using CstmML.Scoring.Baselines;
using CstmML.Training.Baselines;

namespace CstmML.Training.Evaluation;

/// <summary>
/// The plain first-order Markov comparison (msticpy's method) over technique tokens: per-role chains score anomalies by
/// negative mean log-likelihood of the whole sequence (global chain below the history minimum), per-actor chains
/// attribute by the highest sequence likelihood (uniform prior, softmax over actors, no abstention).
/// </summary>
public sealed record PlainMarkovBaseline
{
    public required double Alpha { get; init; }

    public required int MinRoleHistory { get; init; }

    /// <summary>Role key to chain, sorted by key.</summary>
    public required IReadOnlyDictionary<string, MarkovChainModel> Roles { get; init; }

    public required MarkovChainModel Global { get; init; }

    /// <summary>Actor label to chain, sorted by label.</summary>
    public required IReadOnlyDictionary<string, MarkovChainModel> Actors { get; init; }

    /// <summary>Fits on the training fold: benign rows (incident windows excluded) for roles, actor rows for actors.</summary>
    public static PlainMarkovBaseline Fit(IReadOnlyList<LabelledSequence> train, double alpha, int minRoleHistory)
    {
        ArgumentNullException.ThrowIfNull(train);
        var (benign, _) = IncidentWindowFilter.Benign(train);
        static IReadOnlyList<string> Tokens(LabelledSequence r) => SequenceTokens.Of(r.Sequence, TokenKind.Technique);
        return new PlainMarkovBaseline
        {
            Alpha = alpha,
            MinRoleHistory = minRoleHistory,
            Roles = new SortedDictionary<string, MarkovChainModel>(
                benign.GroupBy(r => r.Role, StringComparer.Ordinal)
                    .Where(g => g.Count() >= minRoleHistory)
                    .ToDictionary(g => g.Key, g => MarkovChainModel.Fit(g.Select(Tokens), alpha), StringComparer.Ordinal),
                StringComparer.Ordinal),
            Global = MarkovChainModel.Fit(benign.Select(Tokens), alpha),
            Actors = new SortedDictionary<string, MarkovChainModel>(
                train.Where(r => r.Actor is not null)
                    .GroupBy(r => r.Actor!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => MarkovChainModel.Fit(g.Select(Tokens), alpha), StringComparer.Ordinal),
                StringComparer.Ordinal),
        };
    }

    /// <summary>Negative mean transition log-likelihood under the row's role chain (higher = more anomalous).</summary>
    public double AnomalyScore(LabelledSequence row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var chain = Roles.TryGetValue(row.Role, out var own) ? own : Global;
        var tokens = SequenceTokens.Of(row.Sequence, TokenKind.Technique);
        return -chain.LogLikelihood(tokens) / (tokens.Count + 1);
    }

    /// <summary>Posterior over actors (sorted labels) from each chain's sequence likelihood.</summary>
    public (IReadOnlyList<string> Labels, double[] Probabilities) Attribute(LabelledSequence row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var tokens = SequenceTokens.Of(row.Sequence, TokenKind.Technique);
        var labels = Actors.Keys.ToArray();
        var logs = labels.Select(a => Actors[a].LogLikelihood(tokens)).ToArray();
        var max = logs.Max();
        var exp = logs.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return (labels, exp.Select(e => e / sum).ToArray());
    }
}
