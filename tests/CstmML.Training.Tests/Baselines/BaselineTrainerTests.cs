using CstmML.Scoring.Baselines;
using CstmML.Scoring.Models;
using CstmML.Scoring.Onnx;
using CstmML.Training.Baselines;
using CstmML.Training.Evaluation;
using CstmML.Training.Export;
using CstmML.Training.Tests.Evaluation;
using Microsoft.ML;

namespace CstmML.Training.Tests.Baselines;

public class BaselineTrainerTests
{
    private static readonly IReadOnlyList<LabelledSequence> Data = SyntheticCorpus.Generate();

    private static BaselineTrainingResult Train(IReadOnlyList<LabelledSequence> rows) =>
        new BaselineTrainer(new MLContext(1), new BaselineOptions(), null).Train(rows, TinyFeaturizer.Dimension);

    [Fact]
    public void Train_KMeansOnnx_MatchesMlNetWithinRelativeTolerance()
    {
        var result = Train(Data);
        var (file, model) = result.KMeansModels.First();
        var features = Data.Take(100).Select(r => r.Features).ToArray();

        var expected = FeatureData.Vectors(model.Transform(FeatureData.Features(new MLContext(1), features, TinyFeaturizer.Dimension)), "Score");
        using var session = new OnnxModelSession(result.KMeansFiles[file], result.Set.KMeansOutput);
        var actual = session.Run(features);

        // Squared distances lose digits to cancellation in float (ML-STACK-NOTES §3): compare relatively.
        for (var i = 0; i < features.Length; i++)
        {
            for (var k = 0; k < expected[i].Length; k++)
            {
                var scale = Math.Max(1.0, Math.Abs(expected[i][k]));
                Assert.True(Math.Abs(expected[i][k] - actual[i][k]) / scale <= 1e-4, $"row {i} cluster {k}: {expected[i][k]} vs {actual[i][k]}");
            }
        }
    }

    [Fact]
    public void Train_WithOrWithoutIncidentRows_SameBaselines()
    {
        var benignOnly = Data.Where(r => !r.IsIncident).ToArray();

        var withIncidents = ArtifactJson.ToUtf8(Train(Data).Set, ScoringJsonContext.Default.BaselineSet);
        var without = Train(benignOnly);

        // Incident rows of a role also drop that role's benign rows overlapping them; compare on rows the filter keeps.
        var (kept, dropped) = IncidentWindowFilter.Benign(Data);
        Assert.True(dropped >= Data.Count(r => r.IsIncident));
        Assert.DoesNotContain(kept, r => r.IsIncident);
        Assert.Equal(withIncidents, ArtifactJson.ToUtf8(Train(kept).Set, ScoringJsonContext.Default.BaselineSet));
        Assert.True(without.Set.Baselines.Single(b => b.Level == BaselineLevel.Global).TrainingSequences >= kept.Count);
    }

    [Fact]
    public void Train_BenignRowOverlappingIncidentOfSamePrincipal_IsExcluded()
    {
        var incident = Data.First(r => r.IsIncident);
        var overlapping = Data.First(r => !r.IsIncident) with
        {
            Sequence = incident.Sequence with { SequenceId = "overlap" },
        };

        var (kept, _) = IncidentWindowFilter.Benign([.. Data, overlapping]);

        Assert.DoesNotContain(kept, r => r.Sequence.SequenceId == "overlap");
    }

    [Fact]
    public void Resolve_SparseRole_FallsBackToCohortOrGlobal()
    {
        var result = Train(Data);
        using var scorer = new BaselineScorer(result.Set, result.KMeansFiles.ToDictionary(f => f.Key, f => new OnnxModelSession(f.Value, result.Set.KMeansOutput)));
        var sparse = Data.GroupBy(r => r.Role).OrderBy(g => g.Count()).First();
        var rich = Data.GroupBy(r => r.Role).OrderByDescending(g => g.Count()).First();

        var sparseRow = sparse.First();
        Assert.NotEqual(BaselineLevel.Role, scorer.Resolve(sparseRow.Role, BaselineKeys.CohortOf(sparseRow.Sequence)).Level);
        Assert.Equal(BaselineLevel.Global, scorer.Resolve("nobody", null).Level);
        Assert.Equal(BaselineLevel.Role, scorer.Resolve(rich.Key, null).Level);

        var scored = scorer.Score([new BaselineInput(sparseRow.Role, BaselineKeys.CohortOf(sparseRow.Sequence), SequenceTokens.Of(sparseRow.Sequence, result.Set.Tokens), sparseRow.Features)]);
        Assert.NotEqual(BaselineLevel.Role, scored[0].Baseline);
        Assert.NotEmpty(scored[0].TopNgrams);
    }

    [Fact]
    public void Threshold_PerBaseline_IsQuantileOfOwnCombinedScores()
    {
        var result = Train(Data);

        Assert.All(result.Set.Baselines, b => Assert.True(b.Threshold > 0));
        Assert.True(result.Set.Baselines.Select(b => b.Threshold).Distinct().Count() > 1);
    }

    [Fact]
    public void Train_DefaultOptions_EveryBaselineHasNoveltyTail()
    {
        var result = Train(Data);

        Assert.All(result.Set.Baselines, b => Assert.NotNull(b.NoveltyTail));
        Assert.All(result.Set.Baselines, b => Assert.True(b.NoveltyTail!.ScaleFloor >= BaselineConstants.NoveltyScaleFloor));
    }

    [Fact]
    public void Train_NoveltyOff_NoNoveltyTail()
    {
        var result = new BaselineTrainer(new MLContext(1), new BaselineOptions { UseNovelty = false }, null).Train(Data, TinyFeaturizer.Dimension);

        Assert.All(result.Set.Baselines, b => Assert.Null(b.NoveltyTail));
    }

    [Fact]
    public void Score_UnseenTokensAdded_ScoresHigher()
    {
        var result = Train(Data);
        using var scorer = new BaselineScorer(result.Set, result.KMeansFiles.ToDictionary(f => f.Key, f => new OnnxModelSession(f.Value, result.Set.KMeansOutput)));
        var row = Data.Where(r => !r.IsIncident).GroupBy(r => r.Role).OrderByDescending(g => g.Count()).First().First();
        var tokens = SequenceTokens.Of(row.Sequence, result.Set.Tokens);
        string[] novel = [.. tokens, "never:seen-1", "never:seen-2", "never:seen-3"];

        var scored = scorer.Score([
            new BaselineInput(row.Role, null, tokens, row.Features),
            new BaselineInput(row.Role, null, novel, row.Features)]);

        Assert.True(scored[1].Score > scored[0].Score, $"{scored[1].Score} vs {scored[0].Score}");

        // The novelty signal itself raises the score, beyond what the Markov chain sees.
        var withoutNovelty = result.Set with { Baselines = [.. result.Set.Baselines.Select(b => b with { NoveltyTail = null })] };
        using var plain = new BaselineScorer(withoutNovelty, result.KMeansFiles.ToDictionary(f => f.Key, f => new OnnxModelSession(f.Value, result.Set.KMeansOutput)));
        Assert.True(scored[1].Score > plain.Score([new BaselineInput(row.Role, null, novel, row.Features)])[0].Score);
    }

    [Fact]
    public void CombinationName_Defaults_IsEverySignal()
    {
        Assert.Equal(BaselineConstants.Combination, new BaselineOptions().CombinationName());
        Assert.Equal(BaselineConstants.MarkovSignalName, new BaselineOptions { UseKMeans = false, UseNovelty = false }.CombinationName());
    }

    [Fact]
    public void Threshold_SmallBaselineExtrapolated_AtLeastTheNearestRankQuantile()
    {
        var extrapolated = Train(Data);
        var nearestRank = new BaselineTrainer(new MLContext(1), new BaselineOptions { ExtrapolateThreshold = false }, null).Train(Data, TinyFeaturizer.Dimension);

        // Below 1/(1-q) - 1 rows the nearest-rank quantile is the maximum; the tail model puts the 1% point past it.
        var pairs = extrapolated.Set.Baselines.Zip(nearestRank.Set.Baselines).ToArray();
        Assert.All(pairs, p => Assert.True(p.First.Threshold >= p.Second.Threshold - 1e-12, $"{p.First.Key}: {p.First.Threshold} < {p.Second.Threshold}"));
        Assert.Contains(pairs, p => p.First.TrainingSequences < 99 && p.First.Threshold > p.Second.Threshold);
    }
}
