using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Tests.Engine;

public class AnomalyExplainerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Explain_TechniqueTokens_WindowNamesTheAlertsBehindItsSteps()
    {
        // Techniques per alert: T1580, T1580 (collapsed into one step), T1530, none, T1496 -> steps T1580, T1530, T1496.
        var sequence = Sequence(["T1580"], ["T1580"], ["T1530"], [], ["T1496"]);
        var tokens = sequence.Techniques.Select(t => t.Value).ToArray();
        var explainer = new AnomalyExplainer(Set(TokenKind.Technique, ["T1580"]));

        // Padded start 2 = step 1 (T1530); the window runs to the end token.
        var result = explainer.Explain(Anomaly(new MarkovWindow(2, ["T1530", "T1496", "</s>"], -3)), sequence, tokens);

        Assert.Equal(["a2", "a3", "a4"], result.RarestWindowAlertIds);
        Assert.Contains("2 of the 3 technique steps use techniques never seen in this baseline: T1530, T1496", result.Differences);
        Assert.Equal(2, result.UnseenSteps);
        Assert.Equal(["T1530", "T1496"], result.UnseenTokens);
    }

    [Fact]
    public void Explain_CollapsedStepInWindow_CoversEveryAlertOfThatStep()
    {
        var sequence = Sequence(["T1580"], ["T1580"], ["T1530"]);
        var tokens = sequence.Techniques.Select(t => t.Value).ToArray();
        var explainer = new AnomalyExplainer(Set(TokenKind.Technique, ["T1580", "T1530"]));

        var result = explainer.Explain(Anomaly(new MarkovWindow(0, ["<s>", "T1580"], -1)), sequence, tokens);

        Assert.Equal(["a0", "a1"], result.RarestWindowAlertIds);
        Assert.DoesNotContain(result.Differences, d => d.Contains("never seen", StringComparison.Ordinal));
        Assert.Equal(0, result.UnseenSteps);
        Assert.Empty(result.UnseenTokens);
    }

    [Fact]
    public void Explain_AlertTypeTokens_OneAlertPerToken()
    {
        var sequence = Sequence([], [], [], []);
        var tokens = sequence.Alerts.Select(SequenceTokens.AlertToken).ToArray();
        var explainer = new AnomalyExplainer(Set(TokenKind.AlertType, [tokens[0]]));

        var result = explainer.Explain(Anomaly(new MarkovWindow(2, [tokens[1], tokens[2]], -2)), sequence, tokens);

        Assert.Equal(["a1", "a2"], result.RarestWindowAlertIds);
        Assert.Contains(result.Differences, d => d.StartsWith("3 of 4 alerts are alert types never seen", StringComparison.Ordinal));
        Assert.Equal(3, result.UnseenSteps);
        Assert.Equal(tokens[1..], result.UnseenTokens);
    }

    [Fact]
    public void Explain_EveryWindowOfRandomTechniqueSequences_SameAlertsAsASpanPerToken()
    {
        // The explainer looks up only the window's tokens; the reference builds every token's first and last alert.
        var random = new Random(8);
        string[] pool = ["T1580", "T1530", "T1496", "T1078.004"];
        var explainer = new AnomalyExplainer(Set(TokenKind.Technique, ["T1580"]));
        for (var round = 0; round < 30; round++)
        {
            var sequence = Sequence([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => pool.Take(random.Next(0, 3)).Select(_ => pool[random.Next(pool.Length)]).ToArray())]);
            if (sequence.Techniques.Count == 0)
            {
                continue;
            }

            var tokens = sequence.Techniques.Select(t => t.Value).ToArray();
            var padded = tokens.Prepend("<s>").Append("</s>").ToArray();
            for (var start = 0; start < padded.Length; start++)
            {
                for (var length = 1; start + length <= padded.Length; length++)
                {
                    var window = new MarkovWindow(start, padded[start..(start + length)], -1);

                    var result = explainer.Explain(Anomaly(window), sequence, tokens);

                    Assert.Equal(ReferenceWindowAlerts(sequence, tokens.Length, window), result.RarestWindowAlertIds);
                }
            }
        }
    }

    // The explainer as first written: a (first, last) alert span for every token, then the window's union.
    private static List<string> ReferenceWindowAlerts(AlertSequence sequence, int count, MarkovWindow window)
    {
        var spans = Enumerable.Repeat((First: -1, Last: -1), count).ToArray();
        void Fill()
        {
            var k = -1;
            foreach (var (alert, a) in sequence.Alerts.Select((x, i) => (x, i)))
            {
                foreach (var t in alert.Techniques)
                {
                    if (k >= 0 && k < count && sequence.Techniques[k] == t)
                    {
                        spans[k].Last = a;
                        continue;
                    }

                    if (++k >= count)
                    {
                        return;
                    }

                    spans[k] = (a, a);
                }
            }
        }

        Fill();
        int first = int.MaxValue, last = -1;
        for (var i = 0; i < window.Tokens.Count; i++)
        {
            var token = window.Start + i - 1;
            if (token >= 0 && token < count && spans[token].First >= 0)
            {
                first = Math.Min(first, spans[token].First);
                last = Math.Max(last, spans[token].Last);
            }
        }

        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(a => sequence.Alerts[a].Id)];
    }

    private static AlertSequence Sequence(params string[][] techniques)
    {
        var alerts = techniques.Select((t, i) => new NormalizedAlert
        {
            Id = $"a{i}",
            Time = T0.AddMinutes(i),
            Provider = CloudProvider.Aws,
            Product = AlertProduct.CloudTrail,
            Type = $"Call{i}",
            Principal = "arn:aws:iam::111122223333:role/app",
            Account = "111122223333",
            Techniques = t.Select(TechniqueId.Parse).ToArray(),
            RawRef = new RawRef("test", i),
        }).ToArray();
        var steps = new List<TechniqueId>();
        foreach (var t in alerts.SelectMany(a => a.Techniques))
        {
            if (steps.Count == 0 || steps[^1] != t)
            {
                steps.Add(t);
            }
        }

        return new AlertSequence
        {
            SequenceId = "s1",
            Account = "111122223333",
            Principal = "arn:aws:iam::111122223333:role/app",
            Start = alerts[0].Time,
            End = alerts[^1].Time,
            Alerts = alerts,
            Techniques = steps,
        };
    }

    private static BaselineSet Set(TokenKind kind, string[] vocabulary) => new()
    {
        Tokens = kind,
        Window = 3,
        MinRoleHistory = 5,
        ThresholdQuantile = 0.99,
        KMeansOutput = "Score",
        Baselines =
        [
            new RoleBaseline
            {
                Key = "role:app",
                Level = BaselineLevel.Role,
                TrainingSequences = 5,
                Markov = MarkovChainModel.Fit([vocabulary], 1.0),
                MarkovTail = TailDistribution.From([1.0, 2.0]),
                Threshold = 2,
            },
        ],
    };

    private static AnomalyResult Anomaly(MarkovWindow window) => new()
    {
        Score = 5,
        Threshold = 2,
        Baseline = BaselineLevel.Role,
        BaselineKey = "role:app",
        MarkovSignal = 5,
        MarkovTailProbability = 0.001,
        TopNgrams = [],
        RarestWindow = window,
    };
}
