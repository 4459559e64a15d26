using CstmML.Core.Sequences;

namespace CstmML.Host.Streaming;

/// <summary>A session to score and the state it is in (open, closed, revised).</summary>
internal sealed record ScoredSession(AlertSequence Sequence, string State);
