namespace CstmML.Scoring.Baselines;

/// <summary>All baselines of a model (<c>baselines/baselines.json</c>) and the settings they share.</summary>
public sealed record BaselineSet
{
    public required TokenKind Tokens { get; init; }

    /// <summary>Rarest-window length, in transitions.</summary>
    public required int Window { get; init; }

    public required int MinRoleHistory { get; init; }

    public required double ThresholdQuantile { get; init; }

    /// <summary>The KMeans models' output holding squared distances to each centroid.</summary>
    public required string KMeansOutput { get; init; }

    /// <summary>Every baseline, sorted by level then key; exactly one is global.</summary>
    public required IReadOnlyList<RoleBaseline> Baselines { get; init; }
}
