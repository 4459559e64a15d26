using CstmML.Core.Sequences;

namespace CstmML.Host.Streaming;

/// <summary>
/// A session to score, the state it is in (open, closed, revised) and the index of the batch it is counted for (the
/// batch whose alert produced it; for an open session, the last batch that added to it).
/// </summary>
internal sealed record ScoredSession(AlertSequence Sequence, string State, int Batch = 0);
