using CstmML.Training.Labels;

namespace CstmML.Training.Tests.Labels;

public class LabelIndexTests
{
    private const string Account = "111122223333";
    private const string Role = "arn:aws:iam::111122223333:role/web";
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static IncidentLabel Window(LabelKind kind, string actor, DateTimeOffset start, DateTimeOffset end, string account = Account) => new()
    {
        Kind = kind,
        Account = account,
        Principal = Role,
        Start = start,
        End = end,
        Actor = actor,
    };

    [Fact]
    public void Resolve_TimeInsideIncidentWindow_ReturnsIncident()
    {
        var index = new LabelIndex([Window(LabelKind.Incident, "teamtnt", T0, T0.AddHours(1))]);

        Assert.Equal("teamtnt", index.Resolve(Account, Role, T0.AddMinutes(30))?.Actor);
        Assert.Equal("teamtnt", index.Resolve(Account, Role, T0)?.Actor);
    }

    [Fact]
    public void Resolve_WindowEndIsExclusive()
    {
        var index = new LabelIndex([Window(LabelKind.Incident, "teamtnt", T0, T0.AddHours(1))]);

        Assert.Null(index.Resolve(Account, Role, T0.AddHours(1)));
        Assert.Null(index.Resolve(Account, Role, T0.AddTicks(-1)));
    }

    [Fact]
    public void Resolve_OtherAccountOrPrincipal_ReturnsNull()
    {
        var index = new LabelIndex([Window(LabelKind.Incident, "teamtnt", T0, T0.AddHours(1))]);

        Assert.Null(index.Resolve("999999999999", Role, T0.AddMinutes(5)));
        Assert.Null(index.Resolve(Account, "arn:aws:iam::111122223333:role/other", T0.AddMinutes(5)));
    }

    [Fact]
    public void Resolve_IncidentInsideBenignWindow_IncidentWins()
    {
        var index = new LabelIndex(
        [
            Window(LabelKind.Benign, "cicd-deployer", T0.AddHours(-5), T0.AddHours(5)),
            Window(LabelKind.Incident, "pacu", T0, T0.AddHours(1)),
        ]);

        Assert.Equal(LabelKind.Incident, index.Resolve(Account, Role, T0.AddMinutes(1))!.Kind);
        Assert.Equal(LabelKind.Benign, index.Resolve(Account, Role, T0.AddHours(2))!.Kind);
    }

    [Fact]
    public void Resolve_AlertIdMatch_WinsOverWindows()
    {
        var byId = new IncidentLabel { Kind = LabelKind.Incident, AlertIds = ["gd-1"], Actor = "kinsing" };
        var index = new LabelIndex([Window(LabelKind.Incident, "teamtnt", T0, T0.AddHours(1)), byId]);

        Assert.Equal("kinsing", index.Resolve(Account, Role, T0.AddMinutes(1), "gd-1")?.Actor);
        Assert.Equal("kinsing", index.Resolve("any", "anyone", T0.AddYears(1), "gd-1")?.Actor);
        Assert.Equal("teamtnt", index.Resolve(Account, Role, T0.AddMinutes(1), "gd-2")?.Actor);
    }

    [Fact]
    public void Resolve_ManySortedWindows_FindsTheRightOne()
    {
        var labels = Enumerable.Range(0, 200)
            .Select(i => Window(LabelKind.Incident, "actor-" + i, T0.AddHours(i * 2), T0.AddHours((i * 2) + 1)))
            .Reverse()
            .ToList();
        var index = new LabelIndex(labels);

        Assert.Equal("actor-137", index.Resolve(Account, Role, T0.AddHours(274.5))?.Actor);
        Assert.Null(index.Resolve(Account, Role, T0.AddHours(275.5)));
    }

    [Fact]
    public void Resolve_OverlappingBenignWindows_LongEarlierWindowStillFound()
    {
        var index = new LabelIndex(
        [
            Window(LabelKind.Benign, "long", T0, T0.AddDays(3)),
            Window(LabelKind.Benign, "short", T0.AddHours(1), T0.AddHours(2)),
        ]);

        Assert.Equal("long", index.Resolve(Account, Role, T0.AddHours(10))?.Actor);
    }

    [Fact]
    public void Resolve_EmptyAccountLabel_MatchesAnyAccount()
    {
        var index = new LabelIndex([Window(LabelKind.Incident, "pacu", T0, T0.AddHours(1), account: string.Empty)]);

        Assert.Equal("pacu", index.Resolve("555566667777", Role, T0.AddMinutes(1))?.Actor);
    }

    [Fact]
    public void Resolve_Unlabelled_ReturnsNull()
    {
        Assert.Null(new LabelIndex([]).Resolve(Account, Role, T0));
    }
}
