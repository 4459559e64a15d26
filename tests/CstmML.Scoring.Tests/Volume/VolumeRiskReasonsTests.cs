using CstmML.Scoring.Results;
using CstmML.Scoring.Volume;

namespace CstmML.Scoring.Tests.Volume;

public class VolumeRiskReasonsTests
{
    private static VolumeFinding F(string kind, double score) => new()
    {
        Kind = kind,
        Scope = VolumeScopes.Principal,
        Key = "p1",
        HourStart = new DateTimeOffset(2026, 2, 3, 10, 0, 0, TimeSpan.Zero),
        Observed = 40,
        Expected = 3,
        Score = score,
    };

    [Fact]
    public void For_Spike_AddsTenPlusOnePerZAboveThreshold()
    {
        var reason = Assert.Single(VolumeRiskReasons.For([F(VolumeKinds.Spike, 8.4)]));

        Assert.Equal(VolumeRiskReasons.SpikeCode, reason.Code);
        Assert.Equal(13, reason.Points);
        Assert.Contains("40 alerts for principal p1", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_SeveralFindings_CappedAtMaxPoints()
    {
        var reasons = VolumeRiskReasons.For([F(VolumeKinds.Spike, 8.4), F(VolumeKinds.LevelShift, 6), F(VolumeKinds.Spike, 5)]);

        Assert.Equal(VolumeRiskReasons.MaxPoints, reasons.Sum(r => r.Points));
    }

    [Fact]
    public void For_LevelShiftDown_AddsNothing()
    {
        Assert.Empty(VolumeRiskReasons.For([F(VolumeKinds.LevelShift, -9)]));
    }
}
