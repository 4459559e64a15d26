using System.Text.Json;
using CstmML.Core.Sequences;
using CstmML.Features.Featurization;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Tests.Engine;

/// <summary>
/// The engine reuses per-thread buffers (feature matrix, token cache, playbook session): results must not depend on
/// what the thread scored before, on the batch size, or on other threads scoring at the same time.
/// </summary>
public sealed class ScoringEngineReuseTests(EngineModelFixture fixture) : IClassFixture<EngineModelFixture>
{
    private static readonly DateTimeOffset Later = EngineCorpus.Epoch.AddDays(60);

    [Fact]
    public void Score_LargeThenSmallThenLargeBatch_SameAsUnpooledModelCalls()
    {
        using var engine = fixture.Load();
        var large = Batch(40, seed: 21);
        var small = Batch(3, seed: 22);

        var first = engine.Score(large);
        var second = engine.Score(small);
        var third = engine.Score(large);

        // The reference: the models' public batch calls, which build their own arrays (no per-thread scratch).
        AssertSameAsUnpooled(engine, large, first);
        AssertSameAsUnpooled(engine, small, second);
        Assert.Equal(first.Select(Json), third.Select(Json));
    }

    [Fact]
    public void Score_FourThreadsAtOnce_SameJsonAsSerial()
    {
        using var engine = fixture.Load();
        var sequences = Batch(48, seed: 23);
        var serial = engine.Score(sequences).Select(Json).ToArray();
        var parallel = new string[4][];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            // Different batch sizes per thread, so the threads' buffers have different shapes while they overlap.
            var size = 1 + (t * 5);
            var mine = new List<string>();
            for (var round = 0; round < 3; round++)
            {
                mine.Clear();
                foreach (var chunk in sequences.Chunk(size))
                {
                    mine.AddRange(engine.Score(chunk).Select(Json));
                }
            }

            parallel[t] = [.. mine];
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());

        Assert.All(parallel, p => Assert.Equal(serial, p));
    }

    private static void AssertSameAsUnpooled(ScoringEngine engine, AlertSequence[] batch, IReadOnlyList<ScoringResult> results)
    {
        var featurizer = new SequenceFeaturizer();
        var model = engine.LoadedModel;
        var features = batch.Select(featurizer.Featurize).ToArray();
        var techniques = batch.Select(s => (IReadOnlyList<string>)[.. s.Techniques.Select(t => t.Value)]).ToArray();
        var actors = model.Actor.Score(features, techniques);
        var kind = model.Baselines.Set.Tokens;
        var inputs = batch.Select((s, i) => new BaselineInput(BaselineKeys.RoleOf(s), BaselineKeys.CohortOf(s), SequenceTokens.Of(s, kind), features[i])).ToArray();
        var anomalies = model.Baselines.Score(inputs);

        // KMeans distances computed apart: each baseline's rows collected here, in row order, and run as one batch.
        var distances = new double?[batch.Length];
        foreach (var group in Enumerable.Range(0, batch.Length).GroupBy(i => anomalies[i].BaselineKey))
        {
            var rows = group.ToArray();
            var baseline = model.Baselines.Resolve(inputs[rows[0]].Role, inputs[rows[0]].Cohort);
            var d = model.Baselines.KMeansDistances(baseline, [.. rows.Select(r => features[r])]);
            for (var j = 0; j < rows.Length; j++)
            {
                distances[rows[j]] = d?[j];
            }
        }

        Assert.Contains(distances, d => d is not null);
        for (var i = 0; i < batch.Length; i++)
        {
            Assert.Equal(distances[i], results[i].Anomaly!.KMeansDistance);
            Assert.Equal(JsonSerializer.Serialize(actors[i]), JsonSerializer.Serialize(results[i].Actor));
            Assert.Equal(anomalies[i].Score, results[i].Anomaly!.Score);
            Assert.Equal(anomalies[i].KMeansDistance, results[i].Anomaly!.KMeansDistance);
            Assert.Equal(anomalies[i].TopNgrams, results[i].Anomaly!.TopNgrams);
            Assert.Equal(anomalies[i].RarestWindow.Tokens, results[i].Anomaly!.RarestWindow.Tokens);
        }
    }

    private static AlertSequence[] Batch(int count, int seed)
    {
        // Incidents, benign sequences, and every fifth one under a principal without a baseline of its own, so one batch
        // mixes role and fallback baselines and their KMeans rows are not contiguous.
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var s = i % 3 == 0
                ? EngineCorpus.Incident(i % EngineCorpus.Actors.Length, i % 3, Later.AddHours(i), random, $"r{seed}-{i}")
                : EngineCorpus.Benign(i % 3, Later.AddHours(i), random, $"r{seed}-{i}");
            return i % 5 == 4 ? s with { Principal = $"arn:aws:iam::{EngineCorpus.Account}:role/unseen-{i}" } : s;
        })];
    }

    private static string Json(ScoringResult r) => JsonSerializer.Serialize(r, ScoringResultJsonContext.Default.ScoringResult);
}
