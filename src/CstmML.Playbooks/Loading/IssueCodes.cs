namespace CstmML.Playbooks.Loading;

/// <summary>The stable codes of <see cref="PlaybookIssue"/> (a contract: CI and users filter on them).</summary>
public static class IssueCodes
{
    public const string YamlSyntax = "yaml-syntax";
    public const string Schema = "schema";
    public const string UnknownTechnique = "unknown-technique";
    public const string DeprecatedTechnique = "deprecated-technique";
    public const string UnknownTactic = "unknown-tactic";
    public const string UnreachableStep = "unreachable-step";
    public const string WindowTooShort = "window-too-short";
    public const string DuplicateId = "duplicate-id";
    public const string DuplicateStep = "duplicate-step";
    public const string BadMinimum = "bad-minimum";
    public const string MissingReference = "missing-reference";
    public const string IoError = "io-error";
    public const string MissingFixture = "missing-fixture";
    public const string BadExpectation = "bad-expectation";
}
