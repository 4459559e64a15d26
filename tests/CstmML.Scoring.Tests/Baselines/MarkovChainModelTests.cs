using System.Text.Json;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Models;

namespace CstmML.Scoring.Tests.Baselines;

public class MarkovChainModelTests
{
    private static readonly MarkovChainModel Model = MarkovChainModel.Fit(
        [["a", "b", "c"], ["a", "b", "c"], ["a", "b", "b", "c"]], alpha: 0.1);

    [Theory]
    [InlineData(MarkovChainModel.StartToken)]
    [InlineData("a")]
    [InlineData("b")]
    [InlineData(MarkovChainModel.UnknownToken)]
    public void LogProbability_OverAllOutcomes_SumsToOne(string from)
    {
        string[] outcomes = [.. Model.Vocabulary, MarkovChainModel.EndToken, MarkovChainModel.UnknownToken];

        var total = outcomes.Sum(to => Math.Exp(Model.LogProbability(from, to)));

        Assert.Equal(1.0, total, 10);
    }

    [Fact]
    public void UnseenCount_RepeatedUnseenTokens_CountsDistinct()
    {
        Assert.Equal(0, Model.UnseenCount(["a", "b", "c"]));
        Assert.Equal(2, Model.UnseenCount(["a", "x", "x", "y", "b"]));
        Assert.Equal(0, Model.UnseenCount([]));
    }

    [Fact]
    public void LogProbability_SeenTransition_IsLaplaceSmoothedCount()
    {
        // a -> b seen 3 times out of 3; V = 3 tokens + end + unknown = 5.
        Assert.Equal(Math.Log((3 + 0.1) / (3 + (0.1 * 5))), Model.LogProbability("a", "b"), 12);
    }

    [Fact]
    public void Score_RareTransitionInside_RarestWindowCoversIt()
    {
        var score = Model.Score(["a", "b", "c", "a", "c", "b", "c"], window: 2);

        Assert.Contains("a", score.Rarest.Tokens);
        Assert.Equal(3, score.Rarest.Tokens.Count);
        Assert.Contains(score.LowestTransitions, t => t.StartsWith("c -> a", StringComparison.Ordinal) || t.StartsWith("a -> c", StringComparison.Ordinal));
        Assert.True(score.Rarest.MeanLogLikelihood < score.MeanLogLikelihood);
    }

    [Fact]
    public void Score_UnseenToken_MapsToUnknown()
    {
        var score = Model.Score(["zzz"], window: 3);

        Assert.Equal([MarkovChainModel.StartToken, MarkovChainModel.UnknownToken, MarkovChainModel.EndToken], score.Rarest.Tokens);
    }

    [Fact]
    public void Json_RoundTrip_ScoresIdentically()
    {
        var bytes = ArtifactJson.ToUtf8(Model, ScoringJsonContext.Default.MarkovChainModel);
        var back = ArtifactJson.Parse(bytes, ScoringJsonContext.Default.MarkovChainModel, "m.json");

        Assert.Equal(Model.Score(["a", "c"], 3), back.Score(["a", "c"], 3), new ScoreComparer());
        using var doc = JsonDocument.Parse(bytes);
        Assert.True(doc.RootElement.TryGetProperty("transitions", out _));
    }

    private sealed class ScoreComparer : IEqualityComparer<MarkovScore>
    {
        public bool Equals(MarkovScore? x, MarkovScore? y) =>
            x!.MeanLogLikelihood == y!.MeanLogLikelihood && x.Rarest.Tokens.SequenceEqual(y.Rarest.Tokens) && x.LowestTransitions.SequenceEqual(y.LowestTransitions);

        public int GetHashCode(MarkovScore obj) => 0;
    }
}
