using System.Text;
using System.Text.Json.Nodes;
using CstmML.Scoring.Results;
using CstmML.Scoring.Volume;

namespace CstmML.Scoring.Tests.Volume;

public class VolumeJsonLinesTests
{
    private static readonly VolumeFinding[] Findings =
    [
        new() { Kind = VolumeKinds.Spike, Scope = VolumeScopes.Principal, Key = "p1", Tactic = "TA0007", HourStart = new DateTimeOffset(2026, 2, 3, 10, 0, 0, TimeSpan.Zero), Observed = 31, Expected = 2.5, Score = 9.25 },
        new() { Kind = VolumeKinds.LevelShift, Scope = VolumeScopes.Account, Key = "acct", HourStart = new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero), Observed = 20, Expected = 4, Score = -6.5 },
    ];

    private static string Text()
    {
        using var ms = new MemoryStream();
        VolumeJsonLines.Write(ms, Findings);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public void Write_Findings_OneSnakeCaseObjectPerLine()
    {
        var lines = Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        var first = JsonNode.Parse(lines[0])!.AsObject();
        Assert.Equal(VolumeJsonLines.Fields, first.Select(p => p.Key));
        Assert.Equal("spike", (string?)first["kind"]);
        Assert.Equal("2026-02-03T10:00:00+00:00", (string?)first["hour_start"]);
        Assert.Null(JsonNode.Parse(lines[1])!["tactic"]);
    }

    [Fact]
    public void Read_WrittenLines_RoundTrip()
    {
        Assert.Equal(Findings, VolumeJsonLines.Read(new StringReader(Text())));
    }

    [Fact]
    public void Read_BadLine_ThrowsNamingSourceAndLine()
    {
        var text = Text().Split('\n')[0] + "\n{\"kind\": 3\n";

        var ex = Assert.Throws<FormatException>(() => VolumeJsonLines.Read(new StringReader(text), "vol.jsonl"));
        Assert.StartsWith("vol.jsonl:2:", ex.Message, StringComparison.Ordinal);
    }
}
