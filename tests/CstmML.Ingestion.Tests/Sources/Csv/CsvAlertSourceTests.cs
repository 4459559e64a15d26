using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Sources.Csv;
using CstmML.Ingestion.Tests.Pipeline;
using CstmML.Testing;

namespace CstmML.Ingestion.Tests.Sources.Csv;

public sealed class CsvAlertSourceTests : IDisposable
{
    private const string Header = "time,type,principal,account,provider,product,region,source_ip,user_agent,outcome,severity,techniques,tactics,id,principal_type,session_name,service";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadFile_FullRow_MapsEveryDocumentedColumn()
    {
        var f = _dir.Write("a.csv", Header + "\n" +
            "2024-05-01T10:00:00+02:00,GetSecretValue,arn:aws:iam::1:role/r,1,aws,cloudtrail,eu-west-1,203.0.113.9,\"aws-cli/2, linux\",AccessDenied,7.5,T1552.005;t1078,credential-access,ev-1,role,sess,secretsmanager.amazonaws.com\n");
        var run = PipelineRun.Of(f);
        Assert.Empty(run.Rejects);
        var a = Assert.Single(run.Alerts);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), a.Time);
        Assert.Equal(TimeSpan.Zero, a.Time.Offset);
        Assert.Equal(("ev-1", "GetSecretValue", "arn:aws:iam::1:role/r", "1"), (a.Id, a.Type, a.Principal, a.Account));
        Assert.Equal((CloudProvider.Aws, AlertProduct.CloudTrail), (a.Provider, a.Product));
        Assert.Equal(("eu-west-1", "203.0.113.9", "aws-cli/2, linux", "AccessDenied"), (a.Region, a.SourceIp, a.UserAgent, a.Outcome));
        Assert.Equal(7.5, a.Severity);
        Assert.Equal(("role", "sess", "secretsmanager.amazonaws.com"), (a.PrincipalType, a.SessionName, a.Service));
        Assert.Equal(["T1078", "T1552.005"], a.Techniques.Select(t => t.Value));
        Assert.All(a.Mapping, m => Assert.Equal(MappingSource.Native, m.Source));
        Assert.Contains(a.Tactics, t => t.Value == "TA0006");
        Assert.Equal(2L, a.RawRef.Line);
    }

    [Fact]
    public void ReadFile_MinimalRow_UsesDefaultsAndAContentId()
    {
        var f = _dir.Write("a.csv", "Time,TYPE,principal,provider\n1714557600,Login,alice,azure\n");
        var a = Assert.Single(PipelineRun.Of(f).Alerts);
        Assert.StartsWith("h:", a.Id, StringComparison.Ordinal);
        Assert.Equal((AlertProduct.Csv, CloudProvider.Azure, Outcomes.Success, PrincipalTypes.Unknown), (a.Product, a.Provider, a.Outcome, a.PrincipalType));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714557600), a.Time);
    }

    [Theory]
    [InlineData("not-a-time,Login,alice,aws,1", "time")]
    [InlineData(",Login,alice,aws,1", "time")]
    [InlineData("2024-05-01T00:00:00Z,,alice,aws,1", "type")]
    [InlineData("2024-05-01T00:00:00Z,Login,,aws,1", "principal")]
    [InlineData("2024-05-01T00:00:00Z,Login,alice,mars,1", "provider")]
    [InlineData("2024-05-01T00:00:00Z,Login,alice,aws,11", "severity")]
    [InlineData("2024-05-01T00:00:00Z,Login,alice,aws,high", "severity")]
    public void ReadFile_BadValue_IsRejectedWithLineAndColumn(string row, string field)
    {
        var f = _dir.Write("a.csv", "time,type,principal,provider,severity\n2024-05-01T00:00:00Z,Ok,bob,aws,1\n" + row + "\n2024-05-01T00:00:00Z,Ok2,bob,aws,1\n");
        var run = PipelineRun.Of(f);
        Assert.Equal(2, run.Alerts.Count);
        var r = Assert.Single(run.Rejects);
        Assert.Equal((3L, field), (r.Line, r.Field));
        Assert.Equal(f, r.File);
        Assert.NotNull(r.Excerpt);
    }

    [Fact]
    public void ReadFile_MissingRequiredColumn_RejectsTheFileOnce()
    {
        var r = Assert.Single(PipelineRun.Of(_dir.Write("a.csv", "time,kind,principal\n2024-05-01T00:00:00Z,x,y\n")).Rejects);
        Assert.Contains("missing required column(s): type", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_QuotedLineBreakAndExtraField_LinesStayExact()
    {
        var f = _dir.Write("a.csv", "time,type,principal,provider,user_agent\n" +
            "2024-05-01T00:00:00Z,A,p,aws,\"multi\nline\"\n" +
            "2024-05-01T00:00:00Z,B,p,aws,ua,EXTRA\n" +
            "2024-05-01T00:00:00Z,C,p,aws,ua\n");
        var run = PipelineRun.Of(f);
        Assert.Equal(["A", "C"], run.Alerts.Select(a => a.Type));
        Assert.Equal(5L, run.Alerts[1].RawRef.Line);
        var r = Assert.Single(run.Rejects);
        Assert.Equal(4L, r.Line);
        Assert.Contains("6 fields", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_UnknownTechniqueAndColumn_BecomeNotesNotRejects()
    {
        var f = _dir.Write("a.csv", "time,type,principal,provider,techniques,colour\n2024-05-01T00:00:00Z,A,p,aws,T9999;T1078,red\n");
        var run = PipelineRun.Of(f);
        var a = Assert.Single(run.Alerts);
        Assert.Equal(["T1078"], a.Techniques.Select(t => t.Value));
        Assert.Contains(run.Counters.Notes(), n => n.Note.Contains("T9999", StringComparison.Ordinal));
        Assert.Contains(run.Counters.Notes(), n => n.Note.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFile_EmptyFile_IsReported() =>
        Assert.Equal("empty file", Assert.Single(PipelineRun.Of(_dir.Write("e.csv", "")).Rejects).Reason);

    [Fact]
    public void Normalize_FlatJsonObject_UsesTheSameRules()
    {
        using var doc = JsonDocument.Parse("""{"time":"2024-05-01T00:00:00Z","type":"A","principal":"p","product":"guardduty","techniques":["T1078"]}""");
        Assert.True(CsvAlertSource.Instance.Matches(doc.RootElement));
        var result = CsvAlertSource.Instance.Normalize(doc.RootElement, new RawRef("x", 1));
        Assert.True(result.Succeeded);
        Assert.Equal((CloudProvider.Aws, AlertProduct.GuardDuty), (result.Alert!.Provider, result.Alert.Product));
        Assert.Equal("T1078", Assert.Single(result.Alert.Techniques).Value);
    }

    [Fact]
    public void SampleFile_ReadsWithoutRejects()
    {
        var sample = Path.Combine(RepoRoot(), "training-data", "samples", "csv", "alerts.csv");
        var run = PipelineRun.Of(sample);
        Assert.Empty(run.Rejects);
        Assert.True(run.Alerts.Count >= 5);
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "CstmML.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return dir;
    }
}
