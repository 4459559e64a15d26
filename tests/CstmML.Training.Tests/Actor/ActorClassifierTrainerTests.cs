using CstmML.Core.Models;
using CstmML.Scoring.Actor;
using CstmML.Scoring.Onnx;
using CstmML.Training.Actor;
using CstmML.Training.Evaluation;
using CstmML.Training.Export;
using CstmML.Training.Tests.Evaluation;
using Microsoft.ML;

namespace CstmML.Training.Tests.Actor;

public class ActorClassifierTrainerTests
{
    private static readonly SplitResult Split = GroupedSplit.Split(SyntheticCorpus.Generate(), new SplitOptions { Seed = 3 });

    private static ActorTrainingResult Train(ActorTrainerKind kind, int seed = 1) =>
        new ActorClassifierTrainer(
            new MLContext(seed),
            new ActorOptions { Trainers = [kind], LightGbmIterations = 20, LinearMaxIterations = 50 },
            seed,
            null).Train(Split.Train, Split.Calibration, TinyFeaturizer.Dimension);

    [Theory]
    [InlineData(ActorTrainerKind.LightGbm)]
    [InlineData(ActorTrainerKind.LbfgsMaximumEntropy)]
    [InlineData(ActorTrainerKind.SdcaMaximumEntropy)]
    public void Train_EachTrainer_OnnxMatchesMlNetWithin1e4(ActorTrainerKind kind)
    {
        var result = Train(kind);
        var ml = new MLContext(1);
        var features = Split.Test.Select(r => r.Features).ToArray();

        var expected = FeatureData.Vectors(result.MlNetModel.Transform(FeatureData.Features(ml, features, TinyFeaturizer.Dimension)), "Score");
        using var session = new OnnxModelSession(result.Onnx, "Score.output");
        var actual = session.Run(features);

        Assert.Equal(features.Length, actual.Length);
        var maxDiff = expected.Zip(actual).Max(p => p.First.Zip(p.Second).Max(x => Math.Abs(x.First - x.Second)));
        Assert.True(maxDiff <= 1e-4, $"{kind}: max |ΔScore| = {maxDiff}");
        Assert.Equal(result.Classes.Count, actual[0].Length);
    }

    [Fact]
    public void Train_SameSeed_SameOnnxBytesAndParameters()
    {
        var a = Train(ActorTrainerKind.LightGbm, seed: 4);
        var b = Train(ActorTrainerKind.LightGbm, seed: 4);

        Assert.Equal(a.Onnx, b.Onnx);
        Assert.Equal(a.Temperature, b.Temperature);
        Assert.Equal(a.AbstainThreshold, b.AbstainThreshold);
    }

    [Fact]
    public void Score_OutOfDistributionVector_Abstains()
    {
        var result = Train(ActorTrainerKind.SdcaMaximumEntropy);
        using var scorer = Scorer(result);
        var inDistribution = Split.Train.First(r => r.Actor is not null).Features;
        var far = Enumerable.Repeat(3f, TinyFeaturizer.Dimension).ToArray();

        var predictions = scorer.Score([inDistribution, far]);

        Assert.NotEqual(AbstainReasons.OutOfDistribution, predictions[0].AbstainReason);
        Assert.Equal(ModelConstants.UnknownActor, predictions[1].Label);
        Assert.Equal(AbstainReasons.OutOfDistribution, predictions[1].AbstainReason);
        Assert.Equal(result.Classes.Count, predictions[1].Candidates.Count);
    }

    [Fact]
    public void Score_KnownActorSequence_RanksCandidatesWithEvidence()
    {
        var result = Train(ActorTrainerKind.LightGbm);
        using var scorer = Scorer(result);
        var row = Split.Train.First(r => r.Actor is not null);

        var p = scorer.Score([row.Features], [row.Sequence.Techniques.Select(t => t.Value).ToArray()])[0];

        Assert.Equal(row.Actor, p.Candidates[0].Label);
        Assert.True(p.Candidates.Zip(p.Candidates.Skip(1)).All(x => x.First.Probability >= x.Second.Probability));
        Assert.NotEmpty(p.Candidates[0].Evidence);
        Assert.Equal(1.0, p.Probabilities.Sum(), 6);
    }

    private static ActorScorer Scorer(ActorTrainingResult result) => new(
        new OnnxModelSession(result.Onnx, "Score.output"),
        new ActorManifest
        {
            OnnxFile = "actor.onnx",
            InputName = "Features",
            ScoreOutput = "Score.output",
            ClassLabels = result.Classes,
            Trainer = result.Trainer,
            Temperature = result.Temperature,
            AbstainThreshold = result.AbstainThreshold,
            OodDistanceThreshold = result.OodThreshold,
            OodQuantile = 0.99,
            CentroidsFile = "c.json",
            EvidenceFile = "e.json",
        },
        result.Centroids,
        result.Evidence);
}
