using System.Text.Json;

namespace CstmML.Cli.Tests.Commands;

public sealed class ScoreCommandTests(ScoreModelFixture fixture) : IClassFixture<ScoreModelFixture>
{
    [Fact]
    public void Score_OneOrTwoWorkers_IdenticalOutput()
    {
        var one = Run("1", out var codeOne);
        var two = Run("2", out var codeTwo);

        Assert.Equal(0, codeOne);
        Assert.Equal(0, codeTwo);
        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(two));
        Assert.Equal(40, File.ReadAllLines(one).Length);
    }

    [Fact]
    public void Score_Incidents_SummaryNamesPlaybookAndTopResults()
    {
        var cli = new CliHarness();
        var output = Path.Combine(fixture.Root, "summary.jsonl");

        var code = cli.Run("score", "--model", fixture.ModelDirectory, "--input", fixture.InputFile, "--out", output, "--playbooks", ScoreModelFixture.PlaybooksDirectory);

        Assert.Equal(0, code);
        Assert.Contains("detections by playbook: cloudtrail-stopped-not-restored", cli.Stderr, StringComparison.Ordinal);
        Assert.Contains("top 10 by risk:", cli.Stderr, StringComparison.Ordinal);
        Assert.Contains(output, cli.Stderr, StringComparison.Ordinal);
        using var first = JsonDocument.Parse(File.ReadLines(output).First());
        Assert.True(first.RootElement.TryGetProperty("risk", out var risk) && risk.TryGetProperty("reasons", out _));
        Assert.Equal("cli-test", first.RootElement.GetProperty("model").GetProperty("name").GetString());
    }

    [Fact]
    public void Score_CsvOutAndMinRisk_HeaderAndOnlyRiskyRows()
    {
        var cli = new CliHarness();
        var output = Path.Combine(fixture.Root, "risky.csv");

        var code = cli.Run("score", "--model", fixture.ModelDirectory, "--input", fixture.InputFile, "--out", output, "--playbooks", ScoreModelFixture.PlaybooksDirectory, "--min-risk", "30");

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(output);
        Assert.StartsWith("sequence_id,account,principal,start,end,alert_count,risk,", lines[0], StringComparison.Ordinal);
        Assert.InRange(lines.Length - 1, 1, 39);
        Assert.All(lines.Skip(1), l => Assert.True(int.Parse(l.Split(',')[6], System.Globalization.CultureInfo.InvariantCulture) >= 30, l));
    }

    [Fact]
    public void Score_TamperedModel_ExitTwoNamingFile()
    {
        var copy = Path.Combine(fixture.Root, "tampered-" + Guid.NewGuid().ToString("N"));
        foreach (var f in Directory.EnumerateFiles(fixture.ModelDirectory, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(copy, Path.GetRelativePath(fixture.ModelDirectory, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest);
        }

        File.AppendAllText(Path.Combine(copy, "actor", "centroids.json"), "\n");
        var cli = new CliHarness();

        var code = cli.Run("score", "--model", copy, "--input", fixture.InputFile, "--out", Path.Combine(fixture.Root, "never.jsonl"), "--playbooks", ScoreModelFixture.PlaybooksDirectory);

        Assert.Equal(2, code);
        Assert.Contains("actor/centroids.json", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SinceUntil_SkipsAlertsOutside()
    {
        var cli = new CliHarness();
        var output = Path.Combine(fixture.Root, "window.jsonl");

        var code = cli.Run("score", "--model", fixture.ModelDirectory, "--input", fixture.InputFile, "--out", output, "--playbooks", ScoreModelFixture.PlaybooksDirectory, "--since", "2025-05-30T00:00:00Z", "--until", "2025-06-01T00:00:00Z");

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(output);
        Assert.InRange(lines.Length, 1, 39);
        Assert.All(lines, l => Assert.StartsWith("2025-05-3", JsonDocument.Parse(l).RootElement.GetProperty("start").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Score_FormatJsonl_UsageErrorPointsToOutputFormat()
    {
        var cli = new CliHarness();

        var code = cli.Run("score", "--model", fixture.ModelDirectory, "--input", fixture.InputFile, "--format", "jsonl");

        Assert.Equal(2, code);
        Assert.Contains("--output-format jsonl|csv", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_OutputFormatCsvWithJsonlFileName_WritesCsv()
    {
        var cli = new CliHarness();
        var output = Path.Combine(fixture.Root, "forced-csv.jsonl");

        var code = cli.Run("score", "--model", fixture.ModelDirectory, "--input", fixture.InputFile, "--out", output, "--playbooks", ScoreModelFixture.PlaybooksDirectory, "--output-format", "csv");

        Assert.Equal(0, code);
        Assert.StartsWith("sequence_id,account,principal,", File.ReadLines(output).First(), StringComparison.Ordinal);
    }

    private string Run(string threads, out int code)
    {
        var cli = new CliHarness();
        var output = Path.Combine(fixture.Root, $"threads-{threads}.jsonl");
        code = cli.Run("score", "--model", fixture.ModelDirectory, "--input", fixture.InputFile, "--out", output, "--playbooks", ScoreModelFixture.PlaybooksDirectory, "--threads", threads);
        return output;
    }
}
