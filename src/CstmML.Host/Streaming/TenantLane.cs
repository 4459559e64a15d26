using CstmML.Features.Sequencing;

namespace CstmML.Host.Streaming;

/// <summary>
/// One tenant's sessions and the batches waiting for them. At most one thread drains a lane at a time (the one that
/// set <see cref="Draining"/>); <see cref="Pending"/>, <see cref="Draining"/> and <see cref="Scoring"/> are read and
/// written under the lane's lock. <see cref="Sessions"/> is used only by stage 2, one group at a time.
/// </summary>
internal sealed class TenantLane(SequencerOptions options, double rescoreGrowth)
{
    public TenantSessions Sessions { get; } = new(options, rescoreGrowth);

    public Queue<PendingBatch> Pending { get; } = new();

    public bool Draining { get; set; }

    /// <summary>Stage 2 (sessions and scoring) of the last group committed; the next group's stage 2 runs after it.</summary>
    public Task Scoring { get; set; } = Task.CompletedTask;
}
