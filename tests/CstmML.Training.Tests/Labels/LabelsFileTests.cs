using CstmML.Training.Labels;

namespace CstmML.Training.Tests.Labels;

public class LabelsFileTests
{
    private const string Header = "kind,account,principal,start,end,alert_ids,actor,campaign_id,notes\n";
    private const string Role = "arn:aws:iam::111122223333:role/web";

    private static LabelsParseResult Parse(string body) => LabelsFile.Parse(Header + body, "labels.csv");

    [Fact]
    public void Parse_ValidRows_ReturnsLabelsWithLinesAndUtcTimes()
    {
        var result = Parse(
            $"incident,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00+00:00,,teamtnt,C1,first\n" +
            "incident,111122223333,,,,id-1;id-2,pacu,,by ids\n" +
            $"benign,111122223333,{Role},2026-03-03T09:00:00+01:00,2026-03-03T18:00:00Z,,,,\n");

        Assert.Empty(result.Issues);
        Assert.True(result.IsValid);
        Assert.Equal(3, result.Labels.Count);
        var first = result.Labels[0];
        Assert.Equal(LabelKind.Incident, first.Kind);
        Assert.Equal(2, first.Line);
        Assert.Equal("teamtnt", first.Actor);
        Assert.Equal("C1", first.CampaignId);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), first.Start);
        Assert.Equal(["id-1", "id-2"], result.Labels[1].AlertIds);
        Assert.False(result.Labels[1].HasWindow);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero), result.Labels[2].Start);
        Assert.Equal(TimeSpan.Zero, result.Labels[2].Start!.Value.Offset);
    }

    [Fact]
    public void Parse_FieldCountMismatch_ReportsMalformedRowWithLine()
    {
        var result = Parse(
            $"incident,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,teamtnt,C1,ok\n" +
            "incident,111122223333,only-three-fields\n");

        var issue = Assert.Single(result.Issues);
        Assert.Equal(3, issue.Line);
        Assert.Equal(LabelIssueSeverity.Error, issue.Severity);
        Assert.Contains("Malformed row", issue.Message, StringComparison.Ordinal);
        Assert.Single(result.Labels);
    }

    [Fact]
    public void Parse_BadTime_ReportsFieldAndLine()
    {
        var result = Parse($"incident,111122223333,{Role},2026-03-02 10:00,2026-03-02T11:00:00Z,,teamtnt,,\n");

        var issue = Assert.Single(result.Issues);
        Assert.Equal((2L, LabelColumns.Start), (issue.Line, issue.Field));
        Assert.Contains("Bad time '2026-03-02 10:00'", issue.Message, StringComparison.Ordinal);
        Assert.Empty(result.Labels);
    }

    [Fact]
    public void Parse_TimeWithoutOffset_IsRejected()
    {
        var result = Parse($"incident,111122223333,{Role},2026-03-02T10:00:00,2026-03-02T11:00:00Z,,teamtnt,,\n");

        Assert.Equal(LabelColumns.Start, Assert.Single(result.Issues).Field);
    }

    [Fact]
    public void Parse_EndBeforeStart_ReportsEnd()
    {
        var result = Parse($"incident,111122223333,{Role},2026-03-02T11:00:00Z,2026-03-02T10:00:00Z,,teamtnt,,\n");

        var issue = Assert.Single(result.Issues);
        Assert.Equal(LabelColumns.End, issue.Field);
        Assert.Contains("is not after start", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKind_ReportsKind()
    {
        var result = Parse($"attack,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,teamtnt,,\n");

        var issue = Assert.Single(result.Issues);
        Assert.Equal((2L, LabelColumns.Kind), (issue.Line, issue.Field));
        Assert.Contains("Unknown kind 'attack'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IncidentWithoutActor_ReportsActor()
    {
        var result = Parse($"incident,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,,,\n");

        Assert.Equal(LabelColumns.Actor, Assert.Single(result.Issues).Field);
        Assert.Empty(result.Labels);
    }

    [Fact]
    public void Parse_BenignWithoutActor_IsAccepted()
    {
        var result = Parse($"benign,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,,,\n");

        Assert.Empty(result.Issues);
        Assert.Single(result.Labels);
    }

    [Fact]
    public void Parse_RowWithNeitherWindowNorIds_ReportsPrincipal()
    {
        var result = Parse("incident,111122223333,,,,,teamtnt,,\n");

        Assert.Contains(result.Issues, i => i.Field == LabelColumns.Principal && i.Line == 2);
        Assert.Empty(result.Labels);
    }

    [Fact]
    public void Parse_OverlappingIncidentWindows_ReportsLaterRowNamingEarlierLine()
    {
        var result = Parse(
            $"incident,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,teamtnt,,\n" +
            $"incident,111122223333,{Role},2026-03-02T12:00:00Z,2026-03-02T13:00:00Z,,pacu,,\n" +
            $"incident,111122223333,{Role},2026-03-02T10:30:00Z,2026-03-02T10:45:00Z,,pacu,,\n");

        var issue = Assert.Single(result.Issues);
        Assert.Equal(4, issue.Line);
        Assert.Contains("overlaps line 2", issue.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Labels.Count);
    }

    [Fact]
    public void Parse_AdjacentWindowsAndOtherPrincipals_DoNotOverlap()
    {
        var result = Parse(
            $"incident,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,teamtnt,,\n" +
            $"incident,111122223333,{Role},2026-03-02T11:00:00Z,2026-03-02T12:00:00Z,,pacu,,\n" +
            $"incident,999999999999,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,pacu,,\n" +
            $"benign,111122223333,{Role},2026-03-02T00:00:00Z,2026-03-03T00:00:00Z,,,,\n");

        Assert.Empty(result.Issues);
        Assert.Equal(4, result.Labels.Count);
    }

    [Fact]
    public void Parse_DuplicateAlertId_ReportsSecondRow()
    {
        var result = Parse("incident,1,,,,a;b,teamtnt,,\nincident,1,,,,b,pacu,,\n");

        var issue = Assert.Single(result.Issues);
        Assert.Equal((3L, LabelColumns.AlertIds), (issue.Line, issue.Field));
    }

    [Fact]
    public void Parse_MissingRequiredColumn_ReportsHeaderLine()
    {
        var result = LabelsFile.Parse("kind,account,principal,start,end\nincident,1,p,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z\n", "x.csv");

        var issue = Assert.Single(result.Issues);
        Assert.Equal((1L, LabelIssueSeverity.Error), (issue.Line, issue.Severity));
        Assert.Contains("actor", issue.Message, StringComparison.Ordinal);
        Assert.Empty(result.Labels);
    }

    [Fact]
    public void Parse_ColumnsInAnyOrderAndCommentLines_AreRead()
    {
        var text = "# exported by the SOC\nactor,principal,start,end,kind\nteamtnt,p,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,incident\n";

        var result = LabelsFile.Parse(text, "x.csv");

        Assert.Empty(result.Issues);
        var label = Assert.Single(result.Labels);
        Assert.Equal(("teamtnt", 3L, string.Empty), (label.Actor, label.Line, label.Account));
    }

    [Fact]
    public void Parse_UnknownColumn_IsAWarningOnly()
    {
        var result = LabelsFile.Parse("kind,principal,start,end,actor,severity\nincident,p,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,pacu,high\n", "x.csv");

        var issue = Assert.Single(result.Issues);
        Assert.Equal(LabelIssueSeverity.Warning, issue.Severity);
        Assert.True(result.IsValid);
        Assert.Single(result.Labels);
    }

    [Fact]
    public void Load_MissingFile_IsAnIssueNotAnException()
    {
        var result = LabelsFile.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "labels.csv"));

        Assert.False(result.IsValid);
        Assert.Contains("does not exist", Assert.Single(result.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownPrincipal_ErrorForIncidentWarningForBenign()
    {
        var parsed = Parse(
            $"incident,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,teamtnt,,\n" +
            "incident,111122223333,arn:aws:iam::111122223333:role/typo,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,teamtnt,,\n" +
            "benign,111122223333,arn:aws:iam::111122223333:role/gone,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,,,\n" +
            "incident,,,,,only-ids,pacu,,\n");

        var issues = LabelsFile.Validate(parsed.Labels, [("111122223333", Role)]);

        Assert.Equal(2, issues.Count);
        Assert.Equal((3L, LabelIssueSeverity.Error, LabelColumns.Principal), (issues[0].Line, issues[0].Severity, issues[0].Field));
        Assert.Contains("Unknown principal 'arn:aws:iam::111122223333:role/typo'", issues[0].Message, StringComparison.Ordinal);
        Assert.Equal((4L, LabelIssueSeverity.Warning), (issues[1].Line, issues[1].Severity));
    }

    [Fact]
    public void Validate_EmptyAccountMatchesPrincipalInAnyAccount()
    {
        var parsed = Parse($"incident,,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,teamtnt,,\n");

        Assert.Empty(LabelsFile.Validate(parsed.Labels, [("444455556666", Role)]));
    }

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        var labels = Parse(
            $"incident,111122223333,{Role},2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,a;b,teamtnt,C1,\"notes, with comma\"\n" +
            $"benign,111122223333,{Role},2026-03-03T10:00:00Z,2026-03-03T11:00:00Z,,cicd-deployer,,\n").Labels;
        using var writer = new StringWriter();

        LabelsFile.Write(writer, labels);
        var again = LabelsFile.Parse(writer.ToString(), "round.csv");

        Assert.Empty(again.Issues);
        Assert.Equal(labels.Select(l => l with { Line = 0 }), again.Labels.Select(l => l with { Line = 0, AlertIds = l.AlertIds }), new LabelComparer());
        Assert.StartsWith(Header, writer.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Compares labels by value, including the alert id lists.</summary>
    private sealed class LabelComparer : IEqualityComparer<IncidentLabel>
    {
        public bool Equals(IncidentLabel? x, IncidentLabel? y) =>
            x is not null && y is not null && x with { AlertIds = [] } == y with { AlertIds = [] } && x.AlertIds.SequenceEqual(y.AlertIds);

        public int GetHashCode(IncidentLabel obj) => obj.Actor.Length;
    }
}
