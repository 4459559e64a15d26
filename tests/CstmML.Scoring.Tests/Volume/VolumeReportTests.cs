using CstmML.Scoring.Results;
using CstmML.Scoring.Volume;

namespace CstmML.Scoring.Tests.Volume;

public class VolumeReportTests
{
    private static readonly DateTimeOffset Hour = new(2026, 2, 3, 10, 0, 0, TimeSpan.Zero);

    private static VolumeFinding Finding(string kind, string scope, string key, DateTimeOffset hour, double score = 7) => new()
    {
        Kind = kind,
        Scope = scope,
        Key = key,
        HourStart = hour,
        Observed = 30,
        Expected = 3,
        Score = score,
    };

    private static readonly VolumeReport Report = new()
    {
        Findings =
        [
            Finding(VolumeKinds.Spike, VolumeScopes.Principal, "p1", Hour),
            Finding(VolumeKinds.Spike, VolumeScopes.Account, "acct", Hour.AddHours(5)),
            Finding(VolumeKinds.LevelShift, VolumeScopes.Principal, "p2", Hour),
        ],
        Series = 3,
        SeriesAnalyzed = 3,
        Cells = 100,
        RefusedCounts = 0,
    };

    [Fact]
    public void FindingsCovering_SequenceInsideSpikeHour_ReturnsIt()
    {
        var found = Report.FindingsCovering(Hour.AddMinutes(10), Hour.AddMinutes(20), "other", "p1");

        Assert.Equal(VolumeKinds.Spike, Assert.Single(found).Kind);
    }

    [Fact]
    public void FindingsCovering_SequenceOverlappingTheHourEdge_ReturnsIt()
    {
        Assert.Single(Report.FindingsCovering(Hour.AddMinutes(-30), Hour.AddMinutes(1), "other", "p1"));
        Assert.Empty(Report.FindingsCovering(Hour.AddHours(1), Hour.AddHours(2), "other", "p1"));
        Assert.Empty(Report.FindingsCovering(Hour.AddMinutes(-30), Hour.AddMinutes(-1), "other", "p1"));
    }

    [Fact]
    public void FindingsCovering_OtherPrincipal_ReturnsNothing()
    {
        Assert.Empty(Report.FindingsCovering(Hour, Hour.AddMinutes(30), "other", "p9"));
    }

    [Fact]
    public void FindingsCovering_AccountFinding_CoversEveryPrincipalOfTheAccount()
    {
        Assert.Single(Report.FindingsCovering(Hour.AddHours(5), Hour.AddHours(5.5), "acct", "anyone"));
    }

    [Fact]
    public void FindingsCovering_LevelShift_CoversTheWindowAfterTheChangePoint()
    {
        Assert.Single(Report.FindingsCovering(Hour.AddHours(20), Hour.AddHours(21), "other", "p2"));
        Assert.Empty(Report.FindingsCovering(Hour.AddHours(24), Hour.AddHours(25), "other", "p2"));
    }

    [Fact]
    public void SummaryLines_TotalsThenStrongestFindings()
    {
        var lines = Report.SummaryLines(top: 2);

        Assert.Equal("volume: 3 series (3 analysed, 100 hourly cells), 2 spike(s), 1 level shift(s)", lines[0]);
        Assert.Equal(3, lines.Count);
        Assert.Contains("spike principal p1 at 2026-02-03 10:00Z: 30 vs expected 3 (z 7.0)", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_ByKind()
    {
        Assert.Equal(2, Report.SpikeCount);
        Assert.Equal(1, Report.LevelShiftCount);
    }
}
