namespace CstmML.Scoring.Baselines;

/// <summary>What a baseline needs of one sequence.</summary>
/// <param name="Role">The principal key (<see cref="BaselineKeys.RoleOf"/>).</param>
/// <param name="Cohort">The cohort key (<see cref="BaselineKeys.CohortOf"/>), or null.</param>
/// <param name="Tokens">Markov tokens of the baseline set's kind.</param>
/// <param name="Features">The featurizer's vector.</param>
public sealed record BaselineInput(string Role, string? Cohort, IReadOnlyList<string> Tokens, float[] Features);
