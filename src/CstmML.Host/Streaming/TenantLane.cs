using CstmML.Features.Sequencing;

namespace CstmML.Host.Streaming;

/// <summary>
/// One tenant's sessions and the batches waiting for them. At most one thread drains a lane at a time (the one that
/// set <see cref="Draining"/>); <see cref="Pending"/> and <see cref="Draining"/> are read and written under the lane's lock.
/// </summary>
internal sealed class TenantLane(SequencerOptions options, double rescoreGrowth)
{
    public TenantSessions Sessions { get; } = new(options, rescoreGrowth);

    public Queue<PendingBatch> Pending { get; } = new();

    public bool Draining { get; set; }
}
