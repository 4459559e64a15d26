namespace CstmML.Scoring.Volume;

/// <summary>The <c>kind</c> values of a volume finding (a contract: other tools read them).</summary>
public static class VolumeKinds
{
    /// <summary>One hour far above its seasonal expectation.</summary>
    public const string Spike = "spike";

    /// <summary>A lasting change of the de-seasonalized level, up or down (the sign of the score says which).</summary>
    public const string LevelShift = "level_shift";
}
