using CstmML.Scoring;
using CstmML.Scoring.Engine;

namespace CstmML.Host.Models;

/// <summary>The scorer loaders the host can run with.</summary>
public static class ScorerLoaders
{
    /// <summary>The production loader: <see cref="ScoringEngine.Load"/> (verifies the manifest, file hashes and feature schema).</summary>
    public static ScorerLoader Default { get; } = new(dir => ScoringEngine.Load(dir));

    /// <summary>A loader from a function (tests, other engines).</summary>
    public static ScorerLoader From(Func<string, ISequenceScorer> load) => new(load);
}
