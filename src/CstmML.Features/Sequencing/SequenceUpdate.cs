using CstmML.Core.Sequences;

namespace CstmML.Features.Sequencing;

/// <summary>A sequence the sequencer emitted, and how it relates to earlier output.</summary>
/// <param name="Sequence">The session.</param>
/// <param name="Kind">First emission or a revision.</param>
/// <param name="Replaces">Ids of earlier sequences this one supersedes (empty for <see cref="SequenceUpdateKind.Closed"/>).</param>
/// <param name="LateAlerts">How many of its alerts arrived after the watermark had passed them.</param>
public sealed record SequenceUpdate(AlertSequence Sequence, SequenceUpdateKind Kind, IReadOnlyList<string> Replaces, int LateAlerts);
