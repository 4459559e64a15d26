using System.CommandLine;
using CstmML.Cli.Commands;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Playbooks.Tests.Cli;

public sealed class PlaybooksCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cstm-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Test_ShippedLibrary_AllFixturesPassExitZero()
    {
        var (code, output) = Run("test", "--playbooks", RepoPaths.PlaybookLibrary);

        Assert.True(code == 0, output);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.Matches(@"fixtures: \d{2,} passed, 0 failed", output);
    }

    [Fact]
    public void Test_FixtureWithWrongExpectation_ReportsFailExitOne()
    {
        CopyPlaybook("cloudtrail-stopped-not-restored");
        var expect = Path.Combine(_dir, "cloudtrail-stopped-not-restored", "fixtures", "expect.yaml");
        File.WriteAllText(expect, File.ReadAllText(expect).Replace("steps_matched: 1", "steps_matched: 2", StringComparison.Ordinal));

        var (code, output) = Run("test", "--playbooks", _dir);

        Assert.Equal(PlaybooksCommand.Failed, code);
        Assert.Contains("FAIL cloudtrail-stopped-not-restored positive-stopped-restored-too-late.json: expected match (2 steps), got match (1 steps)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_UnreadableFixture_FailsThatFixtureOnly()
    {
        CopyPlaybook("cloudtrail-stopped-not-restored");
        File.WriteAllText(Path.Combine(_dir, "cloudtrail-stopped-not-restored", "fixtures", "negative-truncated.json"), "{\"Records\": [");

        var (code, output) = Run("test", "--playbooks", _dir);

        Assert.Equal(PlaybooksCommand.Failed, code);
        Assert.Contains("FAIL cloudtrail-stopped-not-restored negative-truncated.json: expected no match, got cannot load", output, StringComparison.Ordinal);
        Assert.Contains("pass cloudtrail-stopped-not-restored negative-maintenance-window.json", output, StringComparison.Ordinal);
        Assert.Contains("fixtures: 2 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_PlaybookWithoutNegativeFixture_ErrorExitOne()
    {
        CopyPlaybook("cloudtrail-stopped-not-restored");
        var fixtures = Path.Combine(_dir, "cloudtrail-stopped-not-restored", "fixtures");
        File.Delete(Path.Combine(fixtures, "negative-maintenance-window.json"));
        File.Delete(Path.Combine(fixtures, "expect.yaml"));

        var (code, output) = Run("test", "--playbooks", _dir);

        Assert.Equal(PlaybooksCommand.Failed, code);
        Assert.Contains("missing-fixture", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenPlaybook_ReportsLineAndExitOneWhileOthersLoad()
    {
        CopyPlaybook("cloudtrail-stopped-not-restored");
        Directory.CreateDirectory(Path.Combine(_dir, "broken"));
        File.WriteAllText(Path.Combine(_dir, "broken", "playbook.yaml"), "id: broken\nversion: 1\nbehaviour: b\nwindow: 1h\nreferences: [https://example.org]\nsteps:\n  - match: {technique: T9999}\n");

        var (code, output) = Run("validate", "--playbooks", _dir);

        Assert.Equal(PlaybooksCommand.Failed, code);
        Assert.Contains("broken/playbook.yaml:7:5: error unknown-technique", output, StringComparison.Ordinal);
        Assert.Contains("1 playbooks loaded, 1 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void List_ShippedLibrary_OneLinePerPlaybook()
    {
        var (code, output) = Run("list", "--playbooks", RepoPaths.PlaybookLibrary);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Directory.GetDirectories(RepoPaths.PlaybookLibrary).Length + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("llmjacking-bedrock\t1\tLLMjacking operators\thigh\t5\t3\taccount_principal\t2h", StringComparison.Ordinal));
    }

    private void CopyPlaybook(string id)
    {
        var source = Path.Combine(RepoPaths.PlaybookLibrary, id);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, id, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var root = new RootCommand { PlaybooksCommand.Create(AlertLoader.LoadStrict) };
        var code = root.Parse(["playbooks", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }
}
