using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using CstmML.Host.Contracts;

namespace CstmML.Host.Streaming;

/// <summary>
/// An open session that grew by less than the re-score growth: its alerts are <c>Alerts[Start..End)</c> of its
/// principal's open list (valid until the tenant's next <see cref="TenantSessions.Add(IReadOnlyList{IReadOnlyList{NormalizedAlert}}, bool)"/>),
/// <see cref="Mark"/> is its last score. Its sequence is built only if it is scored after all.
/// </summary>
internal sealed record DeferredSession(SequenceKey Key, List<NormalizedAlert> Alerts, int Start, int End, int Batch, ScoreMark Mark)
{
    /// <summary>The session as one to score now.</summary>
    public ScoredSession ToScored() => new(SequenceBuilder.Build(Key, Alerts[Start..End]), SessionStates.Open, Batch);
}
