using System.Text.Json;
using CstmML.Features.Sequencing;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Tests.TestSupport;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;
using CstmML.Scoring.Results;

namespace CstmML.Host.Tests.Apis;

public sealed class ScoreApiTests
{
    [Fact]
    public async Task ScoreAsync_RawAlertsFile_EqualsBatchPathOfTheCli()
    {
        using var host = new HostFactory();
        var body = RawAlerts.Lines("a", 3, RawAlerts.T0) + "\n" + RawAlerts.Lines("b", 2, RawAlerts.T0.AddHours(5)) + "\n"
            + RawAlerts.Lines("c", 2, RawAlerts.T0, user: "bob");
        var file = host.Temp.Write("in.jsonl", body);

        var (status, json) = await host.Client().PostAsync(HostRoutes.Score, body);

        // The CLI's batch path, written out here: pipeline over the file, sequencer with batch lateness, flush, score.
        var alerts = new AlertPipeline(SourceRegistry.Default).Run([file]).ToList();
        var sequencer = new Sequencer(new SequencerOptions { Lateness = ScoringHostDefaults.BatchLateness });
        var updates = alerts.SelectMany(sequencer.Add).ToList();
        updates.AddRange(sequencer.Flush());
        var sequences = updates.Select(u => u.Sequence).ToList();
        var expected = new FakeScorer("fake", "1.0.0").Score(sequences);
        Assert.Equal(200, status);
        Assert.Equal(7, json.GetProperty("alert_count").GetInt32());
        Assert.Equal(3, expected.Count);
        Assert.Equal(Serialize(expected), json.GetProperty("results").GetRawText());
    }

    [Fact]
    public async Task ScoreAsync_MixedFormatsInOneBody_ReadsBoth()
    {
        using var host = new HostFactory();
        const string Envelope = """{"Records":[""";
        var body = Envelope + RawAlerts.CloudTrail("r1", RawAlerts.T0) + "," + RawAlerts.CloudTrail("r2", RawAlerts.T0.AddMinutes(1)) + "]}\n"
            + RawAlerts.CloudTrail("r3", RawAlerts.T0.AddMinutes(2));

        var (status, json) = await host.Client().PostAsync(HostRoutes.Score, body);

        Assert.Equal(200, status);
        Assert.Equal(3, json.GetProperty("alert_count").GetInt32());
        Assert.Equal(3, json.GetProperty("results")[0].GetProperty("alert_count").GetInt32());
    }

    [Fact]
    public async Task ScoreAsync_PrebuiltSequences_ScoresEachAsGiven()
    {
        using var host = new HostFactory();

        // Two alerts 5 hours apart would be split by the sequencer; a pre-built sequence keeps them together.
        var body = $$"""{"sequences":[{"alerts":[{{RawAlerts.CloudTrail("p1", RawAlerts.T0)}},{{RawAlerts.CloudTrail("p2", RawAlerts.T0.AddHours(5))}}]},{"alerts":[{{RawAlerts.CloudTrail("p3", RawAlerts.T0, "bob")}}]}]}""";

        var (status, json) = await host.Client().PostAsync(HostRoutes.Score, body);

        Assert.Equal(200, status);
        var results = json.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Equal(["p1", "p2"], results[0].GetProperty("alert_ids").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task ScoreAsync_SequenceMixingPrincipals_IsRejectedWithItsIndex()
    {
        using var host = new HostFactory();
        var body = $$"""{"sequences":[{"alerts":[{{RawAlerts.CloudTrail("p1", RawAlerts.T0)}}]},{"alerts":[{{RawAlerts.CloudTrail("p2", RawAlerts.T0)}},{{RawAlerts.CloudTrail("p3", RawAlerts.T0, "bob")}}]}]}""";

        var (status, json) = await host.Client().PostAsync(HostRoutes.Score, body);

        Assert.Equal(200, status);
        Assert.Equal(1, json.GetProperty("results").GetArrayLength());
        var reject = json.GetProperty("rejects")[0];
        Assert.Equal("request#sequences[1]", reject.GetProperty("file").GetString());
        Assert.Contains("one (account, principal)", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_SomeBadLines_ScoresTheRestAndListsRejectsWithLines()
    {
        using var host = new HostFactory();
        var body = RawAlerts.CloudTrail("ok1", RawAlerts.T0) + "\n{not json\n" + """{"eventID":"x"}""";

        var (status, json) = await host.Client().PostAsync(HostRoutes.Score, body);

        Assert.Equal(200, status);
        Assert.Equal(1, json.GetProperty("alert_count").GetInt32());
        var lines = json.GetProperty("rejects").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ToList();
        Assert.Equal([2, 3], lines);
    }

    [Fact]
    public async Task ScoreAsync_NothingReadable_Returns400InvalidInputProblem()
    {
        using var host = new HostFactory();

        var (status, json) = await host.Client().PostAsync(HostRoutes.Score, "{not json");

        Assert.Equal(400, status);
        Assert.Equal(ProblemTypes.InvalidInput, json.GetProperty("type").GetString());
        Assert.Contains("request:1", json.GetProperty("rejects")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_NoModelLoaded_Returns503Problem()
    {
        using var host = new HostFactory(publishModel: false);

        var (status, json) = await host.Client().PostAsync(HostRoutes.Score, RawAlerts.CloudTrail("a", RawAlerts.T0));

        Assert.Equal(503, status);
        Assert.Equal(ProblemTypes.ModelUnavailable, json.GetProperty("type").GetString());
    }

    private static string Serialize(IReadOnlyList<ScoringResult> results) =>
        JsonSerializer.Serialize(results, HostJsonContext.Default.IReadOnlyListScoringResult);
}
