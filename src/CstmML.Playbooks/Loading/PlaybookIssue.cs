using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Loading;

/// <summary>One problem found while loading or validating a playbook (pySigma style: returned, never thrown).</summary>
/// <param name="Code">A stable id such as <c>unknown-technique</c> (see <see cref="IssueCodes"/>).</param>
/// <param name="Position">File, line and column.</param>
/// <param name="PlaybookId">The playbook's id when known.</param>
public sealed record PlaybookIssue(IssueSeverity Severity, string Code, string Message, SourcePosition Position, string? PlaybookId = null)
{
    public override string ToString() =>
        $"{Position}: {(Severity == IssueSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}
