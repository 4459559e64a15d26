using System.Text;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;

namespace CstmML.Cli.Tests.Commands;

public sealed class ScoreVolumeTests(ScoreModelFixture fixture) : IClassFixture<ScoreModelFixture>
{
    private const string Principal = "arn:aws:iam::111122223333:role/volume-test";
    private static readonly DateTimeOffset Monday = new(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SpikeHour = Monday.AddDays(17).AddHours(10);

    [Fact]
    public void Score_VolumeSpike_RaisesRiskOfTheSequenceInsideIt()
    {
        var input = WriteInput();

        var with = Score(input, "with.jsonl", volume: true, out var cli);
        var without = Score(input, "without.jsonl", volume: false, out _);

        Assert.Contains(SpikeHour.ToString("yyyy-MM-dd HH:00", System.Globalization.CultureInfo.InvariantCulture), cli.Stderr, StringComparison.Ordinal);
        var inSpike = Covering(with);
        var before = Covering(without);
        Assert.Equal(before.Id, inSpike.Id);
        Assert.Contains("volume_spike", inSpike.Codes);
        Assert.DoesNotContain("volume_spike", before.Codes);
        Assert.True(inSpike.Risk > before.Risk, $"risk {inSpike.Risk} with the spike, {before.Risk} without");
        Assert.NotEmpty(inSpike.Volume);

        // Sequences elsewhere in time are untouched.
        var others = Risks(with).Where(r => r.Id != inSpike.Id).ToArray();
        Assert.NotEmpty(others);
        Assert.All(others, r => Assert.DoesNotContain("volume_spike", r.Codes));
    }

    private string WriteInput()
    {
        // Three weeks at two alerts an hour, then 80 extra alerts in one hour of week three.
        var text = new StringBuilder();
        var n = 0;
        for (var h = 0; h < 21 * 24; h++)
        {
            var hour = Monday.AddHours(h);
            var count = hour == SpikeHour ? 82 : 2;
            for (var i = 0; i < count; i++)
            {
                var alert = new NormalizedAlert
                {
                    Id = $"vol-{n++:D6}",
                    Time = hour.AddSeconds(30 + (i * 3500 / count)),
                    Provider = CloudProvider.Aws,
                    Product = AlertProduct.CloudTrail,
                    Type = "DescribeInstances",
                    Principal = Principal,
                    PrincipalType = PrincipalTypes.Role,
                    Account = "111122223333",
                    Region = "us-east-1",
                    RawRef = new RawRef("volume-test", n),
                };
                text.Append(JsonSerializer.Serialize(alert, CstmJsonContext.Default.NormalizedAlert)).Append('\n');
            }
        }

        var path = Path.Combine(fixture.Root, "volume-input.jsonl");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private string Score(string input, string name, bool volume, out CliHarness cli)
    {
        cli = new CliHarness();
        var output = Path.Combine(fixture.Root, name);
        string[] args = ["score", "--model", fixture.ModelDirectory, "--input", input, "--out", output, "--playbooks", ScoreModelFixture.PlaybooksDirectory];
        var code = cli.Run(volume ? [.. args, "--volume", Path.Combine(fixture.Root, name + ".volume.jsonl")] : args);
        Assert.Equal(0, code);
        return output;
    }

    private static (string Id, DateTimeOffset Start, DateTimeOffset End, int Risk, string[] Codes, JsonElement[] Volume) Covering(string output) =>
        Assert.Single(Risks(output), r => r.Start < SpikeHour.AddHours(1) && r.End >= SpikeHour);

    private static (string Id, DateTimeOffset Start, DateTimeOffset End, int Risk, string[] Codes, JsonElement[] Volume)[] Risks(string output) =>
        [.. File.ReadLines(output).Select(l =>
        {
            var r = JsonDocument.Parse(l).RootElement;
            var risk = r.GetProperty("risk");
            return (
                r.GetProperty("sequence_id").GetString()!,
                r.GetProperty("start").GetDateTimeOffset(),
                r.GetProperty("end").GetDateTimeOffset(),
                risk.GetProperty("score").GetInt32(),
                risk.GetProperty("reasons").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).ToArray(),
                r.TryGetProperty("volume", out var v) ? v.EnumerateArray().Select(x => x.Clone()).ToArray() : []);
        })];
}
