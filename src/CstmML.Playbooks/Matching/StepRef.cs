namespace CstmML.Playbooks.Matching;

/// <summary>A step of a compiled playbook, as stored in the candidate index.</summary>
/// <param name="Global">Index of the step across the whole library (for de-duplicating candidates).</param>
internal readonly record struct StepRef(int Playbook, int Step, int Global);
