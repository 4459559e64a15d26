namespace CstmML.Scoring.Results;

/// <summary>One step of a playbook and the alerts that satisfied it.</summary>
public sealed record PlaybookStepResult(string Name, bool Matched, IReadOnlyList<string> AlertIds);
