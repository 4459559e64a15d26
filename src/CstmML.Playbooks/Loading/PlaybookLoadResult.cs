using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Loading;

/// <summary>The playbooks that loaded and every issue found; a broken playbook never stops the others.</summary>
public sealed record PlaybookLoadResult(IReadOnlyList<Playbook> Playbooks, IReadOnlyList<PlaybookIssue> Issues)
{
    /// <summary>True when any issue is an error (validate exits non-zero).</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == IssueSeverity.Error);
}
