using CstmML.Scoring.Actor;

namespace CstmML.Scoring.Tests.Actor;

public class ActorEvidenceTests
{
    private static readonly ActorEvidence Evidence = new(new Dictionary<string, IReadOnlyList<TechniqueFrequency>>
    {
        ["teamtnt"] = [new("T1078.004", 0.90), new("T1496", 0.75), new("T1530", 0.30), new("T1580", 0.50), new("T1619", 0.40), new("T1110", 0.40)],
        ["kinsing"] = [new("T1078.004", 0.20), new("T1496", 0.10), new("T1530", 0.60), new("T1580", 0.40)],
    });

    [Fact]
    public void Separating_LargestGapFirstThenTechnique_AtMostThree()
    {
        var result = Evidence.Separating("teamtnt", "kinsing", ["T1580", "T1619", "T1496", "T1110", "T1078.004", "T1530"]);

        // Gaps: T1078.004 0.70, T1496 0.65, T1110 and T1619 0.40 (tie: ordinal), T1580 0.10; T1530 favours kinsing.
        Assert.Equal(["T1078.004 (0.90 vs 0.20)", "T1496 (0.75 vs 0.10)", "T1110 (0.40 vs 0.00)"], result);
    }

    [Fact]
    public void Separating_RepeatedTechniques_CountOnce()
    {
        var result = Evidence.Separating("kinsing", "teamtnt", ["T1530", "T1530", "T1530"]);

        Assert.Equal(["T1530 (0.60 vs 0.30)"], result);
    }

    [Fact]
    public void Separating_UnknownLabels_NothingFavoured()
    {
        Assert.Empty(Evidence.Separating("nobody", "teamtnt", ["T1496"]));
        Assert.Equal(["T1496 (0.75 vs 0.00)"], Evidence.Separating("teamtnt", "nobody", ["T1496"]));
    }
}
