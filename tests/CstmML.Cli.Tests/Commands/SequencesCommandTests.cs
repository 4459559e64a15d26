using System.Text.Json;
using CstmML.Testing;

namespace CstmML.Cli.Tests.Commands;

public sealed class SequencesCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Rec(string id, int minute, string actor = "arn:aws:iam::1:role/r") =>
        $$"""{"fakeType":"T{{id}}","id":"{{id}}","time":"2024-05-01T12:{{minute:00}}:00Z","actor":"{{actor}}","account":"1","techniques":["T1078"]}""";

    [Fact]
    public void Sequences_SplitsOnMaxGapAndWritesTheContractFields()
    {
        var f = _dir.Write("a.jsonl", string.Join("\n", Rec("a", 0), Rec("b", 5), Rec("c", 30), Rec("d", 31, "arn:aws:iam::1:role/other")));
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run("sequences", "-i", f, "--max-gap", "10m"));
        var lines = cli.StdoutLines;
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var r = first.RootElement;
        foreach (var field in new[] { "sequence_id", "account", "principal", "principal_type", "start", "end", "alert_count", "techniques", "tactic_chain", "alert_ids", "types" })
        {
            Assert.True(r.TryGetProperty(field, out _), field);
        }

        Assert.Equal(["a", "b"], r.GetProperty("alert_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Ta", "Tb"], r.GetProperty("types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["T1078"], r.GetProperty("techniques").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("sequences 3", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequences_SameInputTwice_GivesIdenticalOutput()
    {
        var f = _dir.Write("a.jsonl", string.Join("\n", Rec("c", 30), Rec("a", 0), Rec("b", 5)));
        var one = new CliHarness();
        var two = new CliHarness();
        one.Run("sequences", "-i", f, "--lateness", "1h");
        two.Run("sequences", "-i", f, "--lateness", "01:00:00");
        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Single(one.StdoutLines);
    }

    [Theory]
    [InlineData("--max-gap", "0s", "greater than zero")]
    [InlineData("--max-span", "soon", "is not a duration")]
    [InlineData("--lateness", "-5m", "is not a duration")]
    public void Sequences_BadDuration_ExitsTwo(string option, string value, string message)
    {
        var cli = new CliHarness();
        Assert.Equal(2, cli.Run("sequences", "-i", "x.json", option, value));
        Assert.Contains(message, cli.Stderr, StringComparison.Ordinal);
    }
}
