using CstmML.Core.Sequences;
using CstmML.Testing;
using CstmML.Training.Dataset;
using CstmML.Training.Labels;

namespace CstmML.Training.Tests.Dataset;

public sealed class SequenceLabelerTests
{
    private const string Account = "111122223333";
    private const string Principal = "arn:aws:iam::111122223333:role/app";

    [Fact]
    public void Label_MajorityActor_WinsAndKeysListEveryCampaign()
    {
        var labels = new[]
        {
            Window(LabelKind.Incident, "pacu", "c1", 0, 10, line: 2),
            Window(LabelKind.Incident, "teamtnt", "c2", 10, 30, line: 3),
        };
        var sequence = Sequence(1, 2, 11, 12, 13);

        var label = new SequenceLabeler(new LabelIndex(labels), "labels.csv").Label(sequence);

        Assert.Equal("teamtnt", label.Actor);
        Assert.Equal("labels.csv:3", label.IncidentId);
        Assert.Equal(["campaign:c1", "campaign:c2"], label.Keys);
        Assert.True(label.MixedActors);
        Assert.Equal(5, label.IncidentAlerts);
    }

    [Fact]
    public void Label_OnlyBenignOrUnlabelledAlerts_IsBenign()
    {
        var labels = new[] { Window(LabelKind.Benign, "app-instance", string.Empty, 0, 5, line: 2) };

        var label = new SequenceLabeler(new LabelIndex(labels), "labels.csv").Label(Sequence(1, 2, 30));

        Assert.Null(label.Actor);
        Assert.Null(label.IncidentId);
        Assert.Empty(label.Keys);
    }

    [Fact]
    public void Label_OneIncidentAlertById_IsIncidentKeyedByLine()
    {
        var labels = new[] { new IncidentLabel { Kind = LabelKind.Incident, AlertIds = ["organizations/1/sources/2/findings/a3"], Actor = "kinsing", Line = 7 } };

        var label = new SequenceLabeler(new LabelIndex(labels), "l.csv").Label(Sequence(1, 2, 3));

        Assert.Equal("kinsing", label.Actor);
        Assert.Equal(["l.csv:7"], label.Keys);
        Assert.Equal(1, label.IncidentAlerts);
    }

    [Fact]
    public void Label_ShortFindingIdInLabels_MatchesResourceNameId()
    {
        var labels = new[] { new IncidentLabel { Kind = LabelKind.Incident, AlertIds = ["a2"], Actor = "elektra-leak", Line = 4 } };

        var label = new SequenceLabeler(new LabelIndex(labels), "l.csv").Label(Sequence(1, 2, 3));

        Assert.Equal("elektra-leak", label.Actor);
    }

    [Theory]
    [InlineData("organizations/1/sources/2/findings/abc", "abc")]
    [InlineData("plain-id", null)]
    [InlineData("trailing/", null)]
    public void ShortIdOf_Ids_LastPathSegment(string id, string? expected) =>
        Assert.Equal(expected, SequenceLabeler.ShortIdOf(id));

    private static IncidentLabel Window(LabelKind kind, string actor, string campaign, int fromMinute, int toMinute, long line) => new()
    {
        Kind = kind,
        Account = Account,
        Principal = Principal,
        Start = AlertBuilder.T0.AddMinutes(fromMinute),
        End = AlertBuilder.T0.AddMinutes(toMinute),
        Actor = actor,
        CampaignId = campaign,
        Line = line,
    };

    private static AlertSequence Sequence(params int[] minutes)
    {
        var alerts = minutes.Select(m => AlertBuilder.Alert()
            .Id($"organizations/1/sources/2/findings/a{m}")
            .Account(Account)
            .Principal(Principal)
            .At(TimeSpan.FromMinutes(m))
            .Build()).ToArray();
        return new AlertSequence
        {
            SequenceId = "s1",
            Account = Account,
            Principal = Principal,
            Start = alerts[0].Time,
            End = alerts[^1].Time,
            Alerts = alerts,
        };
    }
}
