namespace CstmML.Scoring.Volume;

/// <summary>The <c>scope</c> values of a volume finding (a contract: other tools read them).</summary>
public static class VolumeScopes
{
    public const string Account = "account";
    public const string Principal = "principal";
}
