namespace CstmML.Scoring.Exports;

/// <summary>Options of <see cref="NavigatorLayerWriter"/>; every default is a documented constant of <see cref="NavigatorDefaults"/>.</summary>
public sealed record NavigatorLayerOptions
{
    public NavigatorScoreMode ScoreMode { get; init; } = NavigatorDefaults.ScoreMode;

    /// <summary>Gradient colours from low to high score.</summary>
    public IReadOnlyList<string> GradientColors { get; init; } = NavigatorDefaults.GradientColors;

    /// <summary>The explicit colour of hunt leads (techniques the actor is known for that were not observed).</summary>
    public string HuntLeadColor { get; init; } = NavigatorDefaults.HuntLeadColor;

    /// <summary>When true, hunt leads are limited to cloud-relevant techniques (IaaS, SaaS, identity, containers...).</summary>
    public bool HuntLeadsCloudOnly { get; init; } = NavigatorDefaults.HuntLeadsCloudOnly;

    /// <summary>At most this many principals are named in a technique's comment and metadata.</summary>
    public int MaxPrincipalsListed { get; init; } = NavigatorDefaults.MaxPrincipalsListed;
}
