using System.Text;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Metrics;
using CstmML.Host.Scoring;
using CstmML.Host.Store;
using CstmML.Host.Streaming;
using CstmML.Host.Tests.TestSupport;
using CstmML.Ingestion;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;
using CstmML.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CstmML.Testing.AlertBuilder;

namespace CstmML.Host.Tests.Streaming;

/// <summary>The re-score policy end to end through <see cref="SessionManager"/>: growth, interval, playbook completion, close.</summary>
public sealed class RescorePolicyTests : IDisposable
{
    private const string Tenant = "t";
    private const string Role = "arn:aws:iam::111122223333:role/app";

    private readonly TempDir _temp = new();
    private readonly AlertStore _store;
    private readonly SessionManager _manager;

    public RescorePolicyTests()
    {
        var options = Options.Create(new ScoringHostOptions { StoreDirectory = _temp.Path, RiskThreshold = 70 });
        _store = new AlertStore(options, NullLogger<AlertStore>.Instance);
        _manager = new SessionManager(_store, options, new FakeTimeProvider(T0), new HostMetrics());
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    // A CloudTrail call of the test role, `minutes` after T0.
    private static NormalizedAlert Call(string id, double minutes, string eventName = "ListUsers", string service = "iam.amazonaws.com") =>
        Alert().Id(id).At(TimeSpan.FromMinutes(minutes)).Type(eventName).Product(CloudProvider.Aws, AlertProduct.CloudTrail).Principal(Role).Build() with { Service = service };

    private static NormalizedAlert[] Filler(string prefix, int count, double fromMinute) =>
        [.. Enumerable.Range(0, count).Select(i => Call($"{prefix}{i}", fromMinute + i))];

    private static PlaybookScorer Scorer(int pointsPerAlert) => new(ScoringEngine.LoadPlaybooks(RealModel.PlaybooksDirectory), pointsPerAlert);

    [Fact]
    public async Task IngestAsync_GrowthBelowTheFraction_DetectionWaitsForTheIntervalTick()
    {
        var scorer = Scorer(pointsPerAlert: 10);
        await _manager.IngestAsync(Tenant, Filler("a", 6, 0), scorer); // risk 60: scored, below the threshold

        var grown = await _manager.IngestAsync(Tenant, [Call("a6", 6)], scorer); // 7 alerts (risk 70) but +1 < 25% of 6
        var waiting = _store.ReadDetections(Tenant, 0, 10).Count;
        await _manager.RescoreDeferredAsync(scorer);

        Assert.Equal(0, grown.Detections);
        Assert.Equal(0, waiting);
        var d = Assert.Single(_store.ReadDetections(Tenant, 0, 10));
        Assert.Equal(DetectionTriggers.RiskThreshold, d.Trigger);
        Assert.Equal(7, d.Result.AlertCount);
        Assert.Equal((2L, 1L, 0L), _manager.Rescoring); // scored at 6 alerts and at the tick (7); left waiting once
    }

    [Fact]
    public async Task IngestAsync_GrowthReachesTheFraction_RescoredInThatBatch()
    {
        var scorer = Scorer(pointsPerAlert: 10);
        await _manager.IngestAsync(Tenant, Filler("a", 6, 0), scorer);
        await _manager.IngestAsync(Tenant, [Call("a6", 6)], scorer); // deferred

        var grown = await _manager.IngestAsync(Tenant, [Call("a7", 7)], scorer); // 8 alerts: +2 >= 25% of 6

        Assert.Equal(1, grown.Detections);
        Assert.Equal(8, Assert.Single(_store.ReadDetections(Tenant, 0, 10)).Result.AlertCount);
    }

    [Fact]
    public async Task IngestAsync_AlertCompletesAPlaybook_DetectedInThatBatch()
    {
        // instance-credential-recon: DescribeInstances -> GetCallerIdentity -> ListBuckets -> GetObject, 15 min apart at most.
        var scorer = Scorer(pointsPerAlert: 1); // risk stays below the threshold: only the playbook can fire
        await _manager.IngestAsync(Tenant, Filler("f", 20, 0), scorer);
        var steps = await _manager.IngestAsync(Tenant, [Call("s1", 30, "DescribeInstances", "ec2.amazonaws.com"), Call("s2", 31, "GetCallerIdentity", "sts.amazonaws.com"), Call("s3", 32, "ListBuckets", "s3.amazonaws.com")], scorer);

        var last = await _manager.IngestAsync(Tenant, [Call("s4", 33, "GetObject", "s3.amazonaws.com")], scorer); // 24 alerts: +4 < 25% of 20

        Assert.Equal(0, steps.Detections);
        Assert.Equal(1, last.Detections);
        var d = Assert.Single(_store.ReadDetections(Tenant, 0, 10));
        Assert.Equal(DetectionTriggers.PlaybookCompleted, d.Trigger);
        Assert.Equal(24, d.Result.AlertCount);
        Assert.Contains(d.Result.Playbooks, p => p.Complete && p.PlaybookId == "instance-credential-recon");
        Assert.Equal((2L, 1L, 1L), _manager.Rescoring); // scored at 20 and 24 alerts; 23 left waiting; 24 scored for the playbook
    }

    [Fact]
    public async Task IngestAsync_LateAlertCompletesAPlaybook_DetectedByTheNextScore()
    {
        // The third step arrives last but belongs between the second and the fourth: late alerts are not fed to the
        // session's playbook matcher, so the completion waits for the session's next score (here the interval tick).
        var scorer = Scorer(pointsPerAlert: 1);
        await _manager.IngestAsync(Tenant, Filler("f", 20, 0), scorer);
        var three = await _manager.IngestAsync(Tenant, [Call("s1", 30, "DescribeInstances", "ec2.amazonaws.com"), Call("s2", 31, "GetCallerIdentity", "sts.amazonaws.com"), Call("s4", 33, "GetObject", "s3.amazonaws.com")], scorer);

        var late = await _manager.IngestAsync(Tenant, [Call("s3", 32, "ListBuckets", "s3.amazonaws.com")], scorer);
        var before = _store.ReadDetections(Tenant, 0, 10).Count;
        await _manager.RescoreDeferredAsync(scorer);

        Assert.Equal(0, three.Detections);
        Assert.Equal(0, late.Detections);
        Assert.Equal(0, before);
        var d = Assert.Single(_store.ReadDetections(Tenant, 0, 10));
        Assert.Equal(DetectionTriggers.PlaybookCompleted, d.Trigger);
        Assert.Equal(24, d.Result.AlertCount);
    }

    [Fact]
    public async Task IngestAsync_LateAlertBelowTheGrowth_WaitsLikeAnyOther()
    {
        var scorer = Scorer(pointsPerAlert: 10);
        await _manager.IngestAsync(Tenant, [.. Filler("a", 3, 0), .. Filler("b", 3, 10)], scorer); // 6 alerts, minutes 0-2 and 10-12

        var late = await _manager.IngestAsync(Tenant, [Call("late", 5)], scorer); // +1 < 25% of 6, inside the session
        await _manager.RescoreDeferredAsync(scorer);

        Assert.Equal(0, late.Detections);
        Assert.Equal(7, Assert.Single(_store.ReadDetections(Tenant, 0, 10)).Result.AlertCount);
    }

    [Fact]
    public async Task IngestAsync_SessionClosesAfterDeferrals_FinalResultEqualsScoringTheSameAlerts()
    {
        using var model = new TempDir();
        using var engine = ScoringEngine.Load(RealModel.CopyTo(model.Path));
        var scorer = new RecordingScorer(engine);
        var reader = new BodyReader(SourceRegistry.Default, ScoringHostDefaults.MaxAlertsPerRequest, ScoringHostDefaults.MaxJsonDepth);
        string[] events = ["ConsoleLogin", "GetCallerIdentity", "ListBuckets", "CreateAccessKey", "PutBucketPolicy", "AttachUserPolicy"];
        var lines = Enumerable.Range(0, 40).Select(i => RawAlerts.CloudTrail($"c{i}", RawAlerts.T0.AddMinutes(i), eventName: events[i % events.Length])).ToArray();
        var alerts = reader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines))).Alerts;

        // One or two alerts per batch: most batches are deferred by the growth rule.
        for (var i = 0; i < alerts.Count; i += 1 + (i % 2))
        {
            await _manager.IngestAsync(Tenant, [.. alerts.Skip(i).Take(1 + (i % 2))], scorer);
        }

        var deferred = _manager.Rescoring.Deferred;
        var closer = reader.Read(Encoding.UTF8.GetBytes(RawAlerts.CloudTrail("after", RawAlerts.T0.AddDays(2)))).Alerts;
        await _manager.IngestAsync(Tenant, closer, scorer); // moves the watermark past the session: it closes

        var expected = engine.Score(BatchSequencing.Build(alerts, new ScoringHostOptions().BatchSequencer));
        var final = scorer.Results.Last(r => r.SequenceId == expected[0].SequenceId);
        Assert.True(deferred > 10, $"only {deferred} deferrals");
        Assert.Single(expected);
        Assert.Equal(40, final.AlertCount);
        Assert.Equal(Json(expected[0]), Json(final));
    }

    private static string Json(ScoringResult r) => JsonSerializer.Serialize(r, ScoringResultJsonContext.Default.ScoringResult);
}
