using CstmML.Core.Alerts;
using CstmML.Features.Velocity;
using CstmML.Playbooks.Matching;
using CstmML.Playbooks.Model;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Tests.Engine;

public sealed class RiskFusionTests
{
    private static readonly VelocityProfile Manual = new() { EventsPerMinute = 0.5, MedianGapSeconds = 120, MinimumGapSeconds = 30, Burstiness = 0, Class = VelocityClass.Manual };

    [Fact]
    public void Fuse_NothingNotable_ZeroNoReasons()
    {
        var risk = Fuse(Anomaly(1.0, 2.0), [], Actor("X", 0.9));

        Assert.Equal(0, risk.Score);
        Assert.Empty(risk.Reasons);
    }

    [Theory]
    [InlineData(2.1, 3.0)]
    [InlineData(3.0, 6.0)]
    [InlineData(6.0, 20.0)]
    public void Fuse_HigherAnomaly_NeverLowerRisk(double lower, double higher)
    {
        Assert.True(Fuse(Anomaly(higher, 2.0), [], null).Score >= Fuse(Anomaly(lower, 2.0), [], null).Score);
    }

    [Fact]
    public void Fuse_AnomalyPoints_BaseAtThresholdCappedAtMax()
    {
        Assert.Equal(15, Fuse(Anomaly(2.0001, 2.0), [], null).Score);
        Assert.Equal(25, Fuse(Anomaly(4.0, 2.0), [], null).Score);
        Assert.Equal(30, Fuse(Anomaly(40.0, 2.0), [], null).Score);
    }

    [Fact]
    public void Fuse_ActorWithoutCorroboration_NoActorPoints()
    {
        var risk = Fuse(Anomaly(0.5, 2.0), [], Actor("TeamTNT", 0.95));

        Assert.DoesNotContain(risk.Reasons, r => r.Code == RiskReasonCodes.Actor);
    }

    [Fact]
    public void Fuse_AbstainedActor_NoActorPoints()
    {
        var risk = Fuse(Anomaly(5, 2.0), [], Actor("unknown", 0.4, abstained: true));

        Assert.DoesNotContain(risk.Reasons, r => r.Code == RiskReasonCodes.Actor);
    }

    [Fact]
    public void Fuse_PlaybookCompleteVersusPartial_CompleteScoresMoreBySeverity()
    {
        var complete = Fuse(null, [Detection(PlaybookSeverity.High, 3, 3)], null);
        var partial = Fuse(null, [Detection(PlaybookSeverity.High, 2, 3)], null);

        Assert.Equal(30, complete.Score);
        Assert.Equal(25, partial.Score);
        Assert.Single(complete.Reasons, r => r.Code == RiskReasonCodes.Playbook && r.Text.Contains("3/3", StringComparison.Ordinal));
    }

    [Fact]
    public void Fuse_EverythingAtOnce_CappedAt100()
    {
        var detections = Enumerable.Range(0, 4).Select(i => Detection(PlaybookSeverity.Critical, 3, 3, $"p{i}")).ToArray();
        var automated = Manual with { Class = VelocityClass.Automated, EventsPerMinute = 60 };
        var volume = new VolumeFinding { Kind = "spike", Scope = "account", Key = "1", HourStart = DateTimeOffset.UnixEpoch, Observed = 100, Expected = 1, Score = 30 };

        var risk = RiskFusion.Fuse(Anomaly(50, 2), detections, Actor("X", 1.0), automated, [TacticId.Parse("TA0040")], [volume], RiskWeights.Default);

        Assert.Equal(100, risk.Score);
        Assert.Equal(["anomaly", "playbook", "actor", "automated_high_impact", "volume_spike"], risk.Reasons.Select(r => r.Code).Distinct());
        Assert.True(risk.Reasons.Where(r => r.Code == "playbook").Sum(r => r.Points) <= RiskWeights.Default.PlaybookMax);
    }

    [Fact]
    public void Fuse_AutomatedWithoutHighImpactTactic_NoVelocityPoints()
    {
        var automated = Manual with { Class = VelocityClass.Automated };

        var risk = RiskFusion.Fuse(null, [], null, automated, [TacticId.Parse("TA0007")], [], RiskWeights.Default);

        Assert.Empty(risk.Reasons);
    }

    [Fact]
    public void Fuse_AutomatedWithRepeatedUnorderedTactics_ReasonListsEachOnceInKillChainOrder()
    {
        var automated = Manual with { Class = VelocityClass.Automated, EventsPerMinute = 120 };
        TacticId[] chain = [.. new[] { "TA0040", "TA0004", "TA0005", "TA0007", "TA0004", "TA0005", "TA0004" }.Select(TacticId.Parse)];

        var risk = RiskFusion.Fuse(null, [], null, automated, chain, [], RiskWeights.Default);

        var reason = Assert.Single(risk.Reasons);
        Assert.Equal(RiskReasonCodes.AutomatedHighImpact, reason.Code);
        Assert.EndsWith("reaching TA0004, TA0005, TA0040", reason.Text, StringComparison.Ordinal);
    }

    private static RiskResult Fuse(AnomalyResult? anomaly, IReadOnlyList<PlaybookDetection> playbooks, ActorResult? actor) =>
        RiskFusion.Fuse(anomaly, playbooks, actor, Manual, [], [], RiskWeights.Default);

    private static AnomalyResult Anomaly(double score, double threshold) => new()
    {
        Score = score,
        Threshold = threshold,
        Baseline = BaselineLevel.Role,
        BaselineKey = "a/r",
        MarkovSignal = 1,
        MarkovTailProbability = 0.5,
        TopNgrams = [],
        RarestWindow = new MarkovWindow(0, [], 0),
    };

    private static ActorResult Actor(string label, double p, bool abstained = false) => new()
    {
        Label = label,
        Probability = p,
        AbstainReason = abstained ? "low_confidence" : null,
    };

    private static PlaybookDetection Detection(PlaybookSeverity severity, int matched, int total, string id = "p") => new()
    {
        PlaybookId = id,
        Version = 1,
        Actor = "X",
        Severity = severity,
        GroupKey = "k",
        StepsMatched = matched,
        StepsTotal = total,
        Minimum = 2,
        Complete = matched == total,
        Start = DateTimeOffset.UnixEpoch,
        End = DateTimeOffset.UnixEpoch,
        Steps = [],
        MissingSteps = [],
    };
}
