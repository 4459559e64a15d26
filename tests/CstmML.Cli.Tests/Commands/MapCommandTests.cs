using System.Text.Json;
using CstmML.Testing;

namespace CstmML.Cli.Tests.Commands;

public sealed class MapCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Rec(string id, string type = "Mapped", string time = "2024-05-01T12:00:00Z") =>
        $$"""{"fakeType":"{{type}}","id":"{{id}}","time":"{{time}}","actor":"arn:aws:iam::1:role/r","account":"1","techniques":["T1078"]}""";

    [Fact]
    public void Map_CleanInput_WritesSnakeCaseJsonLinesAndExitsZero()
    {
        var f = _dir.Write("a.jsonl", Rec("1") + "\n" + Rec("2") + "\n");
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run("map", "--input", f));
        var lines = cli.StdoutLines;
        Assert.Equal(2, lines.Length);
        using var doc = JsonDocument.Parse(lines[0]);
        var root = doc.RootElement;
        Assert.Equal("1", root.GetProperty("id").GetString());
        Assert.Equal("T1078", root.GetProperty("techniques")[0].GetString());
        Assert.Equal(1, root.GetProperty("raw_ref").GetProperty("line").GetInt32());
        Assert.Equal("aws", root.GetProperty("provider").GetString());
        Assert.False(root.TryGetProperty("session_name", out _), "nulls are omitted");
        Assert.Contains("read 2, normalized 2, rejected 0, duplicate 0", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_BadRecords_ExitOneReportOnStderrAndWriteTheRejectsFile()
    {
        var f = _dir.Write("a.jsonl", Rec("1") + "\n{broken\n" + """{"fakeType":"x","id":"3"}""" + "\n" + Rec("1") + "\n");
        var rejects = _dir.File("rejects.jsonl");
        var outFile = _dir.File("out.jsonl");
        var cli = new CliHarness();
        Assert.Equal(1, cli.Run("map", "-i", f, "--out", outFile, "--rejects", rejects));
        Assert.Single(File.ReadAllLines(outFile));
        Assert.Empty(cli.StdoutLines);
        Assert.Contains($"reject {f}:2: invalid JSON", cli.Stderr, StringComparison.Ordinal);
        Assert.Contains("read 4, normalized 1, rejected 2, duplicate 1", cli.Stderr, StringComparison.Ordinal);
        var lines = File.ReadAllLines(rejects);
        Assert.Equal(2, lines.Length);
        using var doc = JsonDocument.Parse(lines[1]);
        Assert.Equal(f, doc.RootElement.GetProperty("file").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("line").GetInt32());
        Assert.Equal("time", doc.RootElement.GetProperty("field").GetString());
        Assert.True(doc.RootElement.TryGetProperty("excerpt", out _));
        Assert.True(doc.RootElement.TryGetProperty("reason", out _));
    }

    [Fact]
    public void Map_SummaryFile_CountsAndElapsedComeFromTheInjectedClock()
    {
        var f = _dir.Write("a.jsonl", Rec("1", type: "Unmapped") + "\n");
        var summary = _dir.File("s.json");
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run("map", "-i", f, "--summary", summary));
        using var doc = JsonDocument.Parse(File.ReadAllText(summary));
        Assert.Equal(1, doc.RootElement.GetProperty("normalized").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("elapsed_ms").GetDouble());
        Assert.Equal(1, doc.RootElement.GetProperty("by_format").GetProperty("fake").GetInt32());
    }

    [Theory]
    [InlineData("map")]
    [InlineData("map", "--input")]
    [InlineData("map", "-i", "x", "--format", "splunk")]
    [InlineData("map", "--bogus", "-i", "x")]
    [InlineData("frobnicate")]
    public void Map_UsageErrors_ExitTwoWithAMessage(params string[] args)
    {
        var cli = new CliHarness();
        Assert.Equal(2, cli.Run(args));
        Assert.Contains("error:", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnwritableOutput_ExitsTwoNamingTheFile()
    {
        var f = _dir.Write("a.jsonl", Rec("1"));
        var cli = new CliHarness();
        var bad = Path.Combine(_dir.Path, "no", "such", "dir", "out.jsonl");
        Assert.Equal(2, cli.Run("map", "-i", f, "--out", bad));
        Assert.Contains(bad, cli.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("map")]
    [InlineData("sequences")]
    [InlineData("coverage")]
    public void Help_EveryVerb_PrintsUsageAndExitsZero(string verb)
    {
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run(verb, "--help"));
        Assert.Contains("Usage:", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains(verb + " [options]", cli.Stdout, StringComparison.Ordinal);
    }
}
