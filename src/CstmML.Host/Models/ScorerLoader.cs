using CstmML.Scoring;

namespace CstmML.Host.Models;

/// <summary>Loads a scorer from a model folder (the real one is <c>ScoringEngine.Load</c>); throws when the folder is not a valid model.</summary>
public sealed record ScorerLoader(Func<string, ISequenceScorer> Load);
