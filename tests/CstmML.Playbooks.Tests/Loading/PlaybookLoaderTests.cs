using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Tests.Loading;

public sealed class PlaybookLoaderTests : IDisposable
{
    private const string Valid = """
        id: valid
        version: 2
        actor: TeamTNT
        description: test
        references: [https://example.org/report]
        attack: [T1552.005]
        severity: high
        group_by: source_ip
        window: 1h
        minimum: 1
        steps:
          - name: imds
            match: {technique: T1552.005, product: guardduty}
          - name: recon
            match: {event_name: [ListBuckets, DescribeInstances], outcome: failure}
            within: 10m
            count: {min: 3, period: 1m}
            distinct: {field: region, min: 2}
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cstm-pb-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Parse_ValidPlaybook_ReadsEveryField()
    {
        var (p, issues) = PlaybookLoader.Parse(Valid, "valid.yaml");

        Assert.Empty(issues);
        Assert.NotNull(p);
        Assert.Equal("valid", p.Id);
        Assert.Equal(2, p.Version);
        Assert.Equal("TeamTNT", p.Label);
        Assert.Equal(PlaybookSeverity.High, p.Severity);
        Assert.Equal(GroupBy.SourceIp, p.GroupBy);
        Assert.Equal(TimeSpan.FromHours(1), p.Window);
        Assert.Equal(1, p.EffectiveMinimum);
        var recon = p.Steps[1];
        Assert.Equal(["ListBuckets", "DescribeInstances"], recon.Match.EventNames);
        Assert.Equal(new CountRequirement(3, TimeSpan.FromMinutes(1)), recon.Count);
        Assert.Equal(new DistinctRequirement(DistinctField.Region, 2), recon.Distinct);
        Assert.Equal(TimeSpan.FromMinutes(10), recon.Within);
        Assert.Equal(1, recon.Stage);
        Assert.Equal(14, recon.Position!.Line);
    }

    [Fact]
    public void Parse_DefaultsWhenOmitted_AccountPrincipalMediumAllRequired()
    {
        var (p, _) = PlaybookLoader.Parse("""
            id: d
            version: 1
            behaviour: b
            references: [https://example.org]
            window: 10m
            steps:
              - match: {event_name: A}
              - match: {event_name: B}
            """, "d.yaml");

        Assert.NotNull(p);
        Assert.Equal(GroupBy.AccountPrincipal, p.GroupBy);
        Assert.Equal(PlaybookSeverity.Medium, p.Severity);
        Assert.Equal(2, p.EffectiveMinimum);
        Assert.Equal(["step-1", "step-2"], p.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsLineAndColumn()
    {
        var (p, issues) = PlaybookLoader.Parse("id: x\nversion: 1\nsteps:\n  - name: a\n   bad: 2\n", "bad.yaml");

        Assert.Null(p);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCodes.YamlSyntax, issue.Code);
        Assert.Equal("bad.yaml", issue.Position.File);
        Assert.Equal(5, issue.Position.Line);
        Assert.True(issue.Position.Column > 0, issue.ToString());
    }

    [Theory]
    [InlineData("id: a\nid: b\n")]
    [InlineData("id: x\nsteps: [a, b\n")]
    [InlineData("- just\n- a list\n")]
    [InlineData("")]
    public void Parse_MalformedDocument_IssueNotException(string yaml)
    {
        var (p, issues) = PlaybookLoader.Parse(yaml, "m.yaml");

        Assert.Null(p);
        Assert.Contains(issues, i => i.Severity == IssueSeverity.Error && i.Position.File == "m.yaml");
    }

    [Fact]
    public void Parse_UnknownKey_SchemaErrorAtItsLine()
    {
        var (p, issues) = PlaybookLoader.Parse(Valid.Replace("severity: high", "severity: high\nwindoww: 2h", StringComparison.Ordinal), "v.yaml");

        Assert.Null(p);
        var issue = Assert.Single(issues, i => i.Code == IssueCodes.Schema);
        Assert.Equal(8, issue.Position.Line);
        Assert.Equal(1, issue.Position.Column);
        Assert.Contains("windoww", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("window: 1h", "window: soon", "window")]
    [InlineData("severity: high", "severity: dire", "severity")]
    [InlineData("group_by: source_ip", "group_by: session", "group_by 'session'")]
    [InlineData("count: {min: 3, period: 1m}", "count: {min: 0, period: 1m}", "count min")]
    [InlineData("actor: TeamTNT", "behaviour: x\nactor: TeamTNT", "exactly one")]
    public void Parse_SchemaViolation_ErrorNamesTheField(string from, string to, string expected)
    {
        var (p, issues) = PlaybookLoader.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "v.yaml");

        Assert.Null(p);
        Assert.Contains(issues, i => i.Severity == IssueSeverity.Error && i.Message.Contains(expected, StringComparison.Ordinal) && i.Position.Line > 0);
    }

    [Fact]
    public void Parse_UnknownTechnique_Error()
    {
        var (p, issues) = PlaybookLoader.Parse(Valid.Replace("technique: T1552.005", "technique: T1999", StringComparison.Ordinal), "v.yaml");

        Assert.Null(p);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCodes.UnknownTechnique, issue.Code);
        Assert.Equal(12, issue.Position.Line); // the step that names it
    }

    [Fact]
    public void Parse_RevokedTechnique_WarningButLoads()
    {
        // T1562.008 (Disable or Modify Cloud Logs) is a v19 crosswalk case; T1086 was revoked into T1059.001.
        var (p, issues) = PlaybookLoader.Parse(Valid.Replace("attack: [T1552.005]", "attack: [T1086]", StringComparison.Ordinal), "v.yaml");

        Assert.NotNull(p);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(IssueCodes.DeprecatedTechnique, issue.Code);
    }

    [Fact]
    public void Parse_WindowShorterThanSumOfWithin_Warning()
    {
        var (p, issues) = PlaybookLoader.Parse("""
            id: w
            version: 1
            behaviour: b
            references: [https://example.org]
            window: 15m
            steps:
              - match: {event_name: A}
              - match: {event_name: B}
                within: 10m
              - match: {event_name: C}
                within: 10m
            """, "w.yaml");

        Assert.NotNull(p);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueCodes.WindowTooShort, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
    }

    [Theory]
    [InlineData("- name: neg\n    match: {event_name: A}\n    absent: true\n    within: 5m\n  - match: {event_name: B}", "anchor")]
    [InlineData("- match: {event_name: A}\n  - name: neg\n    match: {event_name: B}\n    absent: true", "within")]
    [InlineData("- match: {event_name: A, product: guardduty}", "product excludes cloudtrail")]
    [InlineData("- match: {}", "empty")]
    public void Parse_UnreachableStep_Error(string steps, string expected)
    {
        var yaml = "id: u\nversion: 1\nbehaviour: b\nreferences: [https://example.org]\nwindow: 1h\nsteps:\n  " + steps + "\n";

        var (p, issues) = PlaybookLoader.Parse(yaml, "u.yaml");

        Assert.Null(p);
        Assert.Contains(issues, i => i.Code == IssueCodes.UnreachableStep && i.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MinimumAboveStepCount_Error()
    {
        var (p, issues) = PlaybookLoader.Parse(Valid.Replace("minimum: 1", "minimum: 3", StringComparison.Ordinal), "v.yaml");

        Assert.Null(p);
        Assert.Contains(issues, i => i.Code == IssueCodes.BadMinimum);
    }

    [Fact]
    public void Load_BrokenAndDuplicatePlaybooks_OthersStillLoad()
    {
        Write("a-first/playbook.yaml", Valid.Replace("id: valid", "id: dup", StringComparison.Ordinal));
        Write("b-second/playbook.yaml", Valid.Replace("id: valid", "id: dup", StringComparison.Ordinal));
        Write("c-broken/playbook.yaml", "id: broken\nsteps: [\n");
        Write("valid/playbook.yaml", Valid);

        var result = PlaybookLoader.Load(_dir);

        Assert.Equal(["dup", "valid"], result.Playbooks.Select(p => p.Id));
        Assert.True(result.HasErrors);
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.DuplicateId && i.Position.File.Contains("b-second", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.YamlSyntax && i.Position.File.Contains("c-broken", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("folder name", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingPath_IoError()
    {
        var result = PlaybookLoader.Load(Path.Combine(_dir, "nope"));

        Assert.Empty(result.Playbooks);
        Assert.Equal(IssueCodes.IoError, Assert.Single(result.Issues).Code);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
