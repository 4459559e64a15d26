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

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Score_RandomSequences_SameAsSortingEveryTransition(int window)
    {
        // Few distinct tokens (repeated transitions, equal probabilities, unseen tokens) and sequences of every length:
        // the selection of the three lowest transitions and the pooled buffers must give what a full sort gives.
        var random = new Random(11);
        string[] alphabet = ["a", "b", "c", "x", "y"];
        var model = MarkovChainModel.Fit(Enumerable.Range(0, 30).Select(_ => Tokens(random, ["a", "b", "c"], random.Next(1, 12))), alpha: 0.5);
        for (var i = 0; i < 300; i++)
        {
            var tokens = Tokens(random, alphabet, random.Next(0, 40));

            var score = model.Score(tokens, window);

            var expected = Reference(model, tokens, window);
            Assert.Equal(expected.MeanLogLikelihood, score.MeanLogLikelihood);
            Assert.Equal(expected.Rarest.Start, score.Rarest.Start);
            Assert.Equal(expected.Rarest.Tokens, score.Rarest.Tokens);
            Assert.Equal(expected.Rarest.MeanLogLikelihood, score.Rarest.MeanLogLikelihood);
            Assert.Equal(expected.LowestTransitions, score.LowestTransitions);
        }
    }

    [Fact]
    public void Score_TokensThatPrintAlike_SameAsSortingEveryTransition()
    {
        // "p -> q" then "r" and "p" then "q -> r" can print the same transition text: the texts, not the pairs, must be distinct.
        var model = MarkovChainModel.Fit([["p -> q", "r"], ["p", "q -> r"]], alpha: 0.1);
        string[] tokens = ["p -> q", "r", "p", "q -> r", "z"];

        Assert.Equal(Reference(model, tokens, 2).LowestTransitions, model.Score(tokens, 2).LowestTransitions);
    }

    private static string[] Tokens(Random random, string[] alphabet, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => alphabet[random.Next(alphabet.Length)])];

    // The scoring as first written: pad, sort every transition, de-duplicate the texts, take three.
    private static MarkovScore Reference(MarkovChainModel model, IReadOnlyList<string> tokens, int window)
    {
        var padded = model.Pad(tokens);
        var logs = new double[padded.Length - 1];
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = model.LogProbability(padded[i], padded[i + 1]);
        }

        var w = Math.Min(window, logs.Length);
        var sum = logs.Take(w).Sum();
        var bestStart = 0;
        var bestSum = sum;
        for (var i = w; i < logs.Length; i++)
        {
            sum += logs[i] - logs[i - w];
            if (sum < bestSum - 1e-12)
            {
                bestSum = sum;
                bestStart = i - w + 1;
            }
        }

        var lowest = Enumerable.Range(0, logs.Length)
            .OrderBy(i => logs[i])
            .ThenBy(i => i)
            .Select(i => FormattableString.Invariant($"{padded[i]} -> {padded[i + 1]} (p={Math.Exp(logs[i]):0.####})"))
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToArray();
        return new MarkovScore(logs.Average(), new MarkovWindow(bestStart, padded[bestStart..(bestStart + w + 1)], bestSum / w), lowest);
    }

    private sealed class ScoreComparer : IEqualityComparer<MarkovScore>
    {
        public bool Equals(MarkovScore? x, MarkovScore? y) =>
            x!.MeanLogLikelihood == y!.MeanLogLikelihood && x.Rarest.Tokens.SequenceEqual(y.Rarest.Tokens) && x.LowestTransitions.SequenceEqual(y.LowestTransitions);

        public int GetHashCode(MarkovScore obj) => 0;
    }
}
