namespace CstmML.Playbooks.Fixtures;

/// <summary>The outcome of one fixture against its playbook.</summary>
/// <param name="Fixture">The fixture file or folder.</param>
/// <param name="StepsMatched">The most steps any detection matched (0 when none).</param>
/// <param name="Error">Why the fixture could not be run (unreadable input, bad record), else null.</param>
public sealed record FixtureResult(string PlaybookId, string Fixture, FixtureExpectation Expected, bool Matched, int StepsMatched, int AlertCount, string? Error = null)
{
    public bool Passed =>
        Error is null && Matched == Expected.Matched && (Expected.StepsMatched is null || Expected.StepsMatched == StepsMatched);

    public override string ToString()
    {
        var verdict = Passed ? "pass" : "FAIL";
        var expected = Expected.Matched ? $"match{(Expected.StepsMatched is { } s ? $" ({s} steps)" : string.Empty)}" : "no match";
        var actual = Error ?? (Matched ? $"match ({StepsMatched} steps)" : "no match");
        return $"{verdict} {PlaybookId} {Path.GetFileName(Fixture)}: expected {expected}, got {actual} from {AlertCount} alerts";
    }
}
