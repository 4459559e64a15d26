using CstmML.Playbooks.Loading;

namespace CstmML.Playbooks.Fixtures;

/// <summary>All fixture results of a library plus loading issues (a playbook without both kinds of fixture is an error).</summary>
public sealed record FixtureRunReport(IReadOnlyList<FixtureResult> Results, IReadOnlyList<PlaybookIssue> Issues)
{
    public int FailedCount => Results.Count(r => !r.Passed);

    /// <summary>True when every fixture passed and no issue is an error.</summary>
    public bool Passed => FailedCount == 0 && Issues.All(i => i.Severity != IssueSeverity.Error);
}
