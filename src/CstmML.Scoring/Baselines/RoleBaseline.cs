namespace CstmML.Scoring.Baselines;

/// <summary>One baseline (a principal, a cohort or the global one): its Markov chain, KMeans model and own score distributions.</summary>
public sealed record RoleBaseline
{
    /// <summary>The principal, cohort key or <see cref="BaselineKeys.Global"/>.</summary>
    public required string Key { get; init; }

    public required BaselineLevel Level { get; init; }

    /// <summary>Benign sequences it was fitted on.</summary>
    public required int TrainingSequences { get; init; }

    public required MarkovChainModel Markov { get; init; }

    /// <summary>The KMeans ONNX file (relative to the model folder), or null when the signal is off.</summary>
    public string? KMeansFile { get; init; }

    public int KMeansClusters { get; init; }

    /// <summary>Training distribution of the Markov signal (negative rarest-window mean log-likelihood).</summary>
    public required TailDistribution MarkovTail { get; init; }

    /// <summary>Training distribution of the KMeans signal (min squared distance), when present.</summary>
    public TailDistribution? KMeansTail { get; init; }

    /// <summary>
    /// Training distribution of the novelty signal (distinct tokens outside the Markov vocabulary), when present;
    /// absent in models trained before the signal existed.
    /// </summary>
    public TailDistribution? NoveltyTail { get; init; }

    /// <summary>Anomalous when the combined score exceeds this (a high quantile of the training combined scores).</summary>
    public required double Threshold { get; init; }
}
