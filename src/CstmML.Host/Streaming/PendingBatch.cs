using CstmML.Core.Alerts;
using CstmML.Host.Store;
using CstmML.Scoring;

namespace CstmML.Host.Streaming;

/// <summary>
/// One request's alerts waiting for its tenant's lane: <see cref="Encoded"/> is null for a replay (already stored),
/// <see cref="Scorer"/> null when no model can score. <see cref="Done"/> completes once the batch is committed and its
/// sessions scored. <see cref="Flush"/> marks the re-score interval's tick (no alerts): every deferred session is due.
/// </summary>
internal sealed class PendingBatch(IReadOnlyList<NormalizedAlert> alerts, EncodedAlerts? encoded, ISequenceScorer? scorer, bool flush = false)
{
    public bool Flush { get; } = flush;

    public IReadOnlyList<NormalizedAlert> Alerts { get; } = alerts;

    public EncodedAlerts? Encoded { get; } = encoded;

    public ISequenceScorer? Scorer { get; } = scorer;

    // Continuations run on the pool, not inline on the thread that drains the lane.
    public TaskCompletionSource<IngestOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
