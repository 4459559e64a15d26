namespace CstmML.Playbooks.Fixtures;

/// <summary>File and folder names of the fixture layout (a contract: docs/playbooks.md).</summary>
public static class FixtureNames
{
    public const string Folder = "fixtures";
    public const string ExpectFile = "expect.yaml";
    public const string PositivePrefix = "positive-";
    public const string NegativePrefix = "negative-";
    public const string Matched = "matched";
    public const string StepsMatched = "steps_matched";
}
