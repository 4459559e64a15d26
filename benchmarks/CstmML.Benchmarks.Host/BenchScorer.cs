using CstmML.Core.Sequences;
using CstmML.Features.Velocity;
using CstmML.Scoring;
using CstmML.Scoring.Results;

namespace CstmML.Benchmarks.Host;

/// <summary>
/// A cheap deterministic scorer so the load run measures the host (parsing, sequencing, storage, HTTP), not a model:
/// the real ONNX scorer's cost adds on top and is measured by the scorer's own benchmarks.
/// </summary>
internal sealed class BenchScorer : ISequenceScorer
{
    public ModelRef Model { get; } = new("bench", "0");

    public IReadOnlyList<ScoringResult> Score(IReadOnlyList<AlertSequence> sequences, ScoringContext? context = null, CancellationToken cancellationToken = default) =>
        [.. sequences.Select(s => new ScoringResult
        {
            SequenceId = s.SequenceId,
            Account = s.Account,
            Principal = s.Principal,
            Start = s.Start,
            End = s.End,
            AlertCount = s.Alerts.Count,
            Techniques = s.Techniques,
            TacticChain = s.TacticChain,
            Velocity = VelocityProfile.From(s),
            Risk = new RiskResult(Math.Min(100, s.Alerts.Count), []),
            Model = Model,
        })];
}
