namespace CstmML.Scoring.Exports;

/// <summary>The documented defaults of <see cref="NavigatorLayerOptions"/> (docs/exports.md).</summary>
public static class NavigatorDefaults
{
    /// <summary>Count: how often a technique was seen is what analysts triage first; risk is in each comment.</summary>
    public const NavigatorScoreMode ScoreMode = NavigatorScoreMode.Count;

    /// <summary>Light yellow → orange → red: low to high, readable beside the blue hunt leads.</summary>
    public static readonly IReadOnlyList<string> GradientColors = ["#ffe766", "#ff9933", "#e60d0d"];

    /// <summary>Blue: outside the observed gradient, so hunt leads never read as observations.</summary>
    public const string HuntLeadColor = "#66b1ff";

    /// <summary>False: TeamTNT and Kinsing live on Linux hosts in the cloud; their Linux techniques are worth a hunt too.</summary>
    public const bool HuntLeadsCloudOnly = false;

    public const int MaxPrincipalsListed = 5;
}
