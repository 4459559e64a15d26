using System.CommandLine;
using CstmML.Cli.Commands;
using CstmML.Ingestion.Pipeline;
using CstmML.Playbooks.Output;

namespace CstmML.Playbooks.Tests.Cli;

public sealed class MatchCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "cstm-match-" + Guid.NewGuid().ToString("N") + ".jsonl");

    private static string Fixture(string id, string name) => Path.Combine(RepoPaths.PlaybookLibrary, id, "fixtures", name);

    public void Dispose() => File.Delete(_out);

    [Fact]
    public void Match_PositiveFixture_WritesSnakeCaseJsonLine()
    {
        var (code, stdout, _) = Run("--input", Fixture("instance-credential-recon", "positive-imds-role-recon.json"));

        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("\"playbook_id\":\"instance-credential-recon\"", StringComparison.Ordinal));
        foreach (var field in new[] { "version", "actor", "severity", "group_key", "steps_matched", "steps_total", "minimum", "start", "end", "steps", "missing_steps", "alert_ids" })
        {
            Assert.Contains($"\"{field}\":", line, StringComparison.Ordinal);
        }

        var d = DetectionJson.Deserialize(line)!;
        Assert.Equal(4, d.StepsMatched);
        Assert.Equal("111122223333|arn:aws:iam::111122223333:role/web-app-instance-role", d.GroupKey);
    }

    [Fact]
    public void Match_OutOption_WritesFileNotStdout()
    {
        var (code, stdout, _) = Run("--input", Fixture("cloudtrail-stopped-not-restored", "positive-stopped-restored-too-late.json"), "--out", _out);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(File.ReadAllLines(_out), l => l.Contains("cloudtrail-stopped-not-restored", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_UnreadableInput_OthersStillMatchedExitOne()
    {
        var (code, stdout, stderr) = Run("--input", "/no/such/file.json", Fixture("instance-credential-recon", "positive-imds-role-recon.json"));

        Assert.Equal(MatchCommand.PartialInput, code);
        Assert.Contains("/no/such/file.json", stderr, StringComparison.Ordinal);
        Assert.Contains("instance-credential-recon", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_NegativeFixture_NoDetectionOfThatPlaybook()
    {
        var (code, stdout, _) = Run("--input", Fixture("instance-credential-recon", "negative-application-reads.json"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("instance-credential-recon", stdout, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = new RootCommand { MatchCommand.Create(AlertLoader.LoadStrict) };
        var code = root.Parse(["match", "--playbooks", RepoPaths.PlaybookLibrary, .. args]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
