using System.Text;
using System.Text.Json;
using CstmML.Core.Sequences;
using CstmML.Host.Configuration;
using CstmML.Host.Scoring;
using CstmML.Host.Tests.TestSupport;
using CstmML.Ingestion;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;
using CstmML.Testing;

namespace CstmML.Host.Tests.Scoring;

public sealed class ParallelScoringTests
{
    private static readonly string[] Events = ["ConsoleLogin", "GetCallerIdentity", "ListBuckets", "CreateAccessKey", "PutBucketPolicy", "AttachUserPolicy"];

    [Fact]
    public void Score_ManySequences_ChunksOfAtMostMaxChunkInInputOrder()
    {
        var sequences = Sequences(principals: 200, perPrincipal: 2);
        var scorer = new CountingScorer();

        var results = ParallelScoring.Score(scorer, sequences, degree: 3);

        Assert.Equal(200, sequences.Count);
        Assert.Equal(200 / ParallelScoring.MaxChunk, scorer.Calls);
        Assert.Equal(sequences.Select(s => s.SequenceId), results.Select(r => r.SequenceId));
    }

    [Fact]
    public void Score_NoMoreThanMinChunk_OneCall()
    {
        var sequences = Sequences(principals: ParallelScoring.MinChunk, perPrincipal: 1);
        var scorer = new CountingScorer();

        var results = ParallelScoring.Score(scorer, sequences, degree: 8);

        Assert.Equal(1, scorer.Calls);
        Assert.Equal(sequences.Count, results.Count);
    }

    [Fact]
    public void Score_RealEngine_SameResultsAsOneCall()
    {
        using var temp = new TempDir();
        var model = RealModel.CopyTo(temp.Path);
        using var engine = ScoringEngine.Load(model);
        var sequences = Sequences(principals: 120, perPrincipal: 4);

        var whole = engine.Score(sequences);
        var chunked = ParallelScoring.Score(engine, sequences, degree: 4);

        Assert.Equal(Json(whole), Json(chunked));
    }

    private static string Json(IReadOnlyList<ScoringResult> results) =>
        string.Join('\n', results.Select(r => JsonSerializer.Serialize(r, ScoringResultJsonContext.Default.ScoringResult)));

    // `principals` users with `perPrincipal` alerts each, through the real ingestion and sequencing.
    private static IReadOnlyList<AlertSequence> Sequences(int principals, int perPrincipal)
    {
        var lines = new StringBuilder();
        for (var p = 0; p < principals; p++)
        {
            for (var i = 0; i < perPrincipal; i++)
            {
                lines.Append(RawAlerts.CloudTrail($"u{p}-{i}", RawAlerts.T0.AddMinutes(i + (p % 7)), user: $"user{p}", eventName: Events[(p + i) % Events.Length])).Append('\n');
            }
        }

        var reader = new BodyReader(SourceRegistry.Default, ScoringHostDefaults.MaxAlertsPerRequest, ScoringHostDefaults.MaxJsonDepth);
        var parsed = reader.Read(Encoding.UTF8.GetBytes(lines.ToString()));
        Assert.Empty(parsed.Rejects);
        return BatchSequencing.Build(parsed.Alerts, new ScoringHostOptions().BatchSequencer);
    }
}
