namespace CstmML.Playbooks.Matching;

/// <summary>The detections of a batch match, in deterministic order, and the session's counters.</summary>
public sealed record PlaybookMatchResult(IReadOnlyList<PlaybookDetection> Detections, PlaybookMatchStats Stats);
