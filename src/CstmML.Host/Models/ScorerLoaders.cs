using CstmML.Scoring;

namespace CstmML.Host.Models;

/// <summary>The scorer loaders the host can run with.</summary>
public static class ScorerLoaders
{
    /// <summary>The production loader. Until the scoring engine is wired, it refuses every folder (readyz stays false).</summary>
    public static ScorerLoader Default { get; } = new(dir => throw new InvalidOperationException("The scoring engine is not wired into this build yet."));

    /// <summary>A loader from a function (tests, other engines).</summary>
    public static ScorerLoader From(Func<string, ISequenceScorer> load) => new(load);
}
