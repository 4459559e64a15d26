namespace CstmML.Playbooks.Fixtures;

/// <summary>What a fixture should produce: a detection or none, and optionally how many steps matched.</summary>
public sealed record FixtureExpectation(bool Matched, int? StepsMatched = null);
