using CstmML.Core.Alerts;
using CstmML.Playbooks.Matching;
using Microsoft.Extensions.Time.Testing;

namespace CstmML.Playbooks.Tests.Matching;

public class PlaybookMatchSessionTests
{
    private const string Recon = """
        - name: describe
          match: {event_name: DescribeInstances}
        - name: whoami
          match: {event_name: GetCallerIdentity}
          within: 10m
        - name: buckets
          match: {event_name: ListBuckets}
          within: 10m
        - name: read
          match: {event_name: GetObject}
          within: 10m
        """;

    private static PlaybookMatchResult Run(string steps, IEnumerable<NormalizedAlert> alerts, string window = "1h", string extra = "", PlaybookEngineOptions? options = null) =>
        new PlaybookEngine([Yaml.Steps(steps, window, extra)], options).Match(alerts);

    [Fact]
    public void Match_OrderedSequence_ReturnsCompleteDetectionWithAlertIdsPerStep()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0, id: "e1"), A.Ct("GetCallerIdentity", 1, id: "e2"), A.Ct("ListBuckets", 2, id: "e3"), A.Ct("GetObject", 3, id: "e4") };

        var d = Assert.Single(Run(Recon, alerts).Detections);

        Assert.True(d.Complete);
        Assert.Equal(4, d.StepsMatched);
        Assert.Equal(4, d.StepsTotal);
        Assert.Equal(["e1", "e2", "e3", "e4"], d.Steps.Select(s => Assert.Single(s.AlertIds)));
        Assert.Empty(d.MissingSteps);
        Assert.Equal(A.T0, d.Start);
        Assert.Equal(A.T0.AddMinutes(3), d.End);
        Assert.Equal("111122223333|arn:aws:iam::111122223333:role/app", d.GroupKey);
        Assert.Equal(1, d.Version);
    }

    [Fact]
    public void Match_StepsOutOfOrder_NoDetection()
    {
        var alerts = new[] { A.Ct("GetCallerIdentity", 0), A.Ct("DescribeInstances", 1), A.Ct("GetObject", 2), A.Ct("ListBuckets", 3) };

        Assert.Empty(Run(Recon, alerts).Detections);
    }

    [Fact]
    public void Match_WithinExceeded_NoDetection()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0), A.Ct("GetCallerIdentity", 11), A.Ct("ListBuckets", 12), A.Ct("GetObject", 13) };

        var result = Run(Recon, alerts);

        Assert.Empty(result.Detections);
        Assert.Equal(1, result.Stats.PartialMatchesExpired);
    }

    [Fact]
    public void Match_WindowExceeded_NoDetection()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0), A.Ct("GetCallerIdentity", 9), A.Ct("ListBuckets", 18), A.Ct("GetObject", 27) };

        Assert.Empty(Run(Recon, alerts, window: "20m").Detections);
        Assert.Single(Run(Recon, alerts, window: "30m").Detections);
    }

    [Fact]
    public void Match_DifferentPrincipals_NotCombined()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0), A.Ct("GetCallerIdentity", 1), A.Ct("ListBuckets", 2, principal: "arn:aws:iam::111122223333:user/bob"), A.Ct("GetObject", 3) };

        Assert.Empty(Run(Recon, alerts).Detections);
    }

    [Fact]
    public void Match_GroupByAccount_CombinesPrincipals()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0), A.Ct("GetCallerIdentity", 1), A.Ct("ListBuckets", 2, principal: "arn:aws:iam::111122223333:user/bob"), A.Ct("GetObject", 3) };

        var d = Assert.Single(Run(Recon, alerts, extra: "group_by: account").Detections);
        Assert.Equal("111122223333", d.GroupKey);
    }

    [Fact]
    public void Match_RepeatedFirstStep_OneDetectionAnchoredAtLatest()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0), A.Ct("DescribeInstances", 30, id: "late"), A.Ct("GetCallerIdentity", 31), A.Ct("ListBuckets", 32), A.Ct("GetObject", 33) };

        var result = Run(Recon, alerts, window: "1h");

        var d = Assert.Single(result.Detections);
        Assert.Equal(["late"], d.Steps[0].AlertIds);
        Assert.Equal(A.T0.AddMinutes(30), d.Start);
        Assert.Equal(1, result.Stats.PartialMatchesRestarted);
    }

    [Fact]
    public void Match_ParentTechniqueStep_MatchesSubTechnique()
    {
        const string Steps = """
            - name: valid-accounts
              match: {technique: T1078}
            - name: exfil
              match: {technique: T1537}
            """;
        var alerts = new[] { A.Gd("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 0, "T1078.004"), A.Gd("Exfiltration:S3/AnomalousBehavior", 5, "T1537") };

        Assert.Single(Run(Steps, alerts).Detections);
    }

    [Fact]
    public void Match_SubTechniqueStep_DoesNotMatchParent()
    {
        const string Steps = """
            - name: cloud-accounts
              match: {technique: T1078.004}
            """;

        Assert.Empty(Run(Steps, [A.Gd("X", 0, "T1078")]).Detections);
        Assert.Single(Run(Steps, [A.Gd("X", 0, "T1078.004")]).Detections);
    }

    [Fact]
    public void Match_TacticAndGlobType_Match()
    {
        const string Steps = """
            - name: any-recon
              match: {type: "Recon:IAMUser/*"}
            - name: persistence
              match: {tactic: persistence}
            """;
        var alerts = new[] { A.Gd("Recon:IAMUser/MaliciousIPCaller", 0, "T1580"), A.Gd("Persistence:IAMUser/AnomalousBehavior", 5, "T1098") };

        Assert.Single(Run(Steps, alerts).Detections);
    }

    [Fact]
    public void Match_OutcomeFilter_OnlyMatchingOutcomes()
    {
        const string Steps = """
            - name: denied
              match: {event_name: ListBuckets, outcome: AccessDenied}
            """;

        Assert.Empty(Run(Steps, [A.Ct("ListBuckets", 0)]).Detections);
        Assert.Single(Run(Steps, [A.Ct("ListBuckets", 0, outcome: "AccessDenied")]).Detections);
    }

    [Fact]
    public void Match_OutcomeFailure_MatchesAnyErrorButNotSuccess()
    {
        const string Steps = """
            - name: failed
              match: {event_name: ListBuckets, outcome: failure}
            """;

        Assert.Empty(Run(Steps, [A.Ct("ListBuckets", 0)]).Detections);
        Assert.Single(Run(Steps, [A.Ct("ListBuckets", 0, outcome: "Client.UnauthorizedOperation")]).Detections);
    }

    [Fact]
    public void Match_CountInPeriod_NeedsEnoughAlertsInsideOnePeriod()
    {
        const string Steps = """
            - name: burst
              match: {event_name: ListBuckets, outcome: AccessDenied}
              count: {min: 10, period: 1m}
            """;
        var tight = Enumerable.Range(0, 10).Select(i => A.Ct("ListBuckets", i * 0.05, outcome: "AccessDenied"));
        var slow = Enumerable.Range(0, 10).Select(i => A.Ct("ListBuckets", i * 0.5, outcome: "AccessDenied"));

        var d = Assert.Single(Run(Steps, tight).Detections);
        Assert.Equal(10, d.Steps[0].AlertIds.Count);
        Assert.Empty(Run(Steps, slow).Detections);
    }

    [Fact]
    public void Match_DistinctRegions_NeedsThreeRegions()
    {
        const string Steps = """
            - name: spread
              match: {event_name: DescribeRegions}
              distinct: {field: region, min: 3}
            """;
        var two = new[] { A.Ct("DescribeRegions", 0, region: "us-east-1"), A.Ct("DescribeRegions", 1, region: "eu-west-1"), A.Ct("DescribeRegions", 2, region: "us-east-1") };
        var three = two.Append(A.Ct("DescribeRegions", 3, region: "ap-south-1"));

        Assert.Empty(Run(Steps, two).Detections);
        Assert.Single(Run(Steps, three).Detections);
    }

    [Fact]
    public void Match_OptionalStepMissing_StillCompleteAndListedAsMissing()
    {
        const string Steps = """
            - name: a
              match: {event_name: A}
            - name: b
              match: {event_name: B}
              optional: true
            - name: c
              match: {event_name: C}
            """;

        var d = Assert.Single(Run(Steps, [A.Ct("A", 0), A.Ct("C", 1)]).Detections);

        Assert.True(d.Complete);
        Assert.Equal(2, d.StepsMatched);
        Assert.Equal(3, d.StepsTotal);
        Assert.Equal(["b"], d.MissingSteps);
    }

    [Fact]
    public void Match_OptionalStepPresent_CountsTowardStepsMatched()
    {
        const string Steps = """
            - name: a
              match: {event_name: A}
            - name: b
              match: {event_name: B}
              optional: true
            - name: c
              match: {event_name: C}
            """;

        var d = Assert.Single(Run(Steps, [A.Ct("A", 0), A.Ct("B", 1), A.Ct("C", 2)]).Detections);

        Assert.Equal(3, d.StepsMatched);
    }

    [Fact]
    public void Match_AbsentFollowedWithinPeriod_NoDetection()
    {
        const string Steps = """
            - name: stop-logging
              match: {event_name: StopLogging}
            - name: no-restart
              match: {event_name: StartLogging}
              absent: true
              within: 15m
            """;

        var restarted = Run(Steps, [A.Ct("StopLogging", 0), A.Ct("StartLogging", 5)]);
        var notRestarted = Run(Steps, [A.Ct("StopLogging", 0), A.Ct("StartLogging", 20)]);

        Assert.Empty(restarted.Detections);
        Assert.Equal(1, restarted.Stats.PartialMatchesNegated);
        Assert.Single(notRestarted.Detections);
    }

    [Fact]
    public void Match_AbsentPeriodOpenAtEndOfInput_DetectsOnFlush()
    {
        const string Steps = """
            - name: stop-logging
              match: {event_name: StopLogging}
            - name: no-restart
              match: {event_name: StartLogging}
              absent: true
              within: 15m
            """;

        var d = Assert.Single(Run(Steps, [A.Ct("StopLogging", 0)]).Detections);
        Assert.True(d.Complete);
        Assert.Equal(1, d.StepsTotal);
    }

    [Fact]
    public void Session_AbsentStepPending_EmitsOnlyAfterPeriodPasses()
    {
        var pb = Yaml.Steps("""
            - name: stop-logging
              match: {event_name: StopLogging}
            - name: no-restart
              match: {event_name: StartLogging}
              absent: true
              within: 15m
            """);
        var session = new PlaybookEngine([pb], new PlaybookEngineOptions { AllowedLateness = TimeSpan.Zero }).CreateSession();

        Assert.Empty(session.Process(A.Ct("StopLogging", 0)));
        Assert.Empty(session.Process(A.Ct("Other", 10)));
        Assert.Single(session.AdvanceTo(A.T0.AddMinutes(16)));
    }

    [Fact]
    public void Match_AnyOrderGroup_MatchesEitherOrder()
    {
        const string Steps = """
            - name: start
              match: {event_name: S}
            - any_order:
              - name: x
                match: {event_name: X}
              - name: y
                match: {event_name: Y}
            - name: end
              match: {event_name: E}
            """;

        Assert.Single(Run(Steps, [A.Ct("S", 0), A.Ct("X", 1), A.Ct("Y", 2), A.Ct("E", 3)]).Detections);
        Assert.Single(Run(Steps, [A.Ct("S", 0), A.Ct("Y", 1), A.Ct("X", 2), A.Ct("E", 3)]).Detections);
        Assert.Empty(Run(Steps, [A.Ct("S", 0), A.Ct("Y", 1), A.Ct("E", 2), A.Ct("X", 3)]).Detections);
    }

    [Fact]
    public void Match_PartialReachingMinimum_ReportsKOfNAndMissingSteps()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0), A.Ct("GetCallerIdentity", 1), A.Ct("ListBuckets", 2) };

        var d = Assert.Single(Run(Recon, alerts, extra: "minimum: 3").Detections);

        Assert.False(d.Complete);
        Assert.Equal(3, d.StepsMatched);
        Assert.Equal(3, d.Minimum);
        Assert.Equal(["read"], d.MissingSteps);
        Assert.False(d.Steps[3].Matched);
    }

    [Fact]
    public void Match_PartialBelowMinimum_NoDetectionButCountedExpired()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0), A.Ct("GetCallerIdentity", 1) };

        var result = Run(Recon, alerts, extra: "minimum: 3");

        Assert.Empty(result.Detections);
        Assert.Equal(1, result.Stats.PartialMatchesExpired);
    }

    [Fact]
    public void Session_OutOfOrderWithinLateness_MatchesAsIfOrdered()
    {
        var engine = new PlaybookEngine([Yaml.Steps(Recon)], new PlaybookEngineOptions { AllowedLateness = TimeSpan.FromMinutes(5) });
        var session = engine.CreateSession();
        var output = new List<PlaybookDetection>();
        foreach (var a in new[] { A.Ct("GetCallerIdentity", 1), A.Ct("DescribeInstances", 0), A.Ct("GetObject", 3), A.Ct("ListBuckets", 2) })
        {
            output.AddRange(session.Process(a));
        }

        output.AddRange(session.Flush());

        Assert.Single(output);
        Assert.Equal(0, session.Stats.AlertsLate);
    }

    [Fact]
    public void Session_AlertOlderThanLateness_CountedLateAndSkipped()
    {
        var engine = new PlaybookEngine([Yaml.Steps(Recon)], new PlaybookEngineOptions { AllowedLateness = TimeSpan.FromMinutes(5) });
        var session = engine.CreateSession();

        session.Process(A.Ct("GetCallerIdentity", 10));
        session.Process(A.Ct("DescribeInstances", 0));

        Assert.Equal(1, session.Stats.AlertsLate);
        Assert.Equal(1, session.Stats.Buffered);
    }

    [Fact]
    public void Session_ManyDistinctPartialMatchesOnOneKey_CappedWithOverflowCounted()
    {
        // Each alert opens a new partial match with a different accumulator state, so none can be merged.
        var pb = Yaml.Steps("""
            - name: burst
              match: {event_name: ListBuckets}
              count: {min: 1000, period: 1h}
            - name: read
              match: {event_name: GetObject}
            """, window: "2h");
        var options = new PlaybookEngineOptions { AllowedLateness = TimeSpan.Zero, MaxPartialMatchesPerKey = 8 };
        var session = new PlaybookEngine([pb], options).CreateSession();
        var twoStep = Yaml.Steps("""
            - name: a
              match: {event_name: A}
            - name: b
              match: {event_name: B}
              count: {min: 1000, period: 1h}
            """, window: "2h");
        var session2 = new PlaybookEngine([twoStep], options).CreateSession();

        for (var i = 0; i < 100; i++)
        {
            session.Process(A.Ct("ListBuckets", i * 0.01));
            session2.Process(A.Ct(i % 2 == 0 ? "A" : "B", i * 0.01));
        }

        Assert.Equal(1, session.Stats.LivePartialMatches); // one accumulating run absorbs the burst
        Assert.Equal(8, session2.Stats.LivePartialMatches);
        Assert.Equal(8, session2.Stats.PeakLivePartialMatches);
        Assert.Equal(50 - 8, session2.Stats.Overflow);
    }

    [Fact]
    public void Session_ManyKeys_GlobalCapRefusesAndCounts()
    {
        var options = new PlaybookEngineOptions { AllowedLateness = TimeSpan.Zero, MaxPartialMatches = 100 };
        var session = new PlaybookEngine([Yaml.Steps(Recon)], options).CreateSession();

        for (var i = 0; i < 1000; i++)
        {
            session.Process(A.Ct("DescribeInstances", i * 0.001, principal: $"arn:aws:iam::111122223333:role/r{i}"));
        }

        Assert.Equal(100, session.Stats.LivePartialMatches);
        Assert.Equal(900, session.Stats.Overflow);
    }

    [Fact]
    public void Session_PartialMatchesExpireWithWindow_MemoryReturnsToZero()
    {
        var options = new PlaybookEngineOptions { AllowedLateness = TimeSpan.Zero };
        var session = new PlaybookEngine([Yaml.Steps(Recon, window: "30m")], options).CreateSession();
        for (var i = 0; i < 500; i++)
        {
            session.Process(A.Ct("DescribeInstances", i * 0.01, principal: $"arn:aws:iam::111122223333:role/r{i}"));
        }

        Assert.Equal(500, session.Stats.LivePartialMatches);

        session.Process(A.Ct("Unrelated", 120));

        Assert.Equal(0, session.Stats.LivePartialMatches);
        Assert.Equal(500, session.Stats.PartialMatchesExpired);
    }

    [Fact]
    public void Session_AdvanceToNow_UsesInjectedClock()
    {
        var clock = new FakeTimeProvider(A.T0);
        var pb = Yaml.Steps(Recon, extra: "minimum: 2", window: "30m");
        var session = new PlaybookEngine([pb], new PlaybookEngineOptions { AllowedLateness = TimeSpan.FromMinutes(5) }).CreateSession(clock);
        session.Process(A.Ct("DescribeInstances", 0));
        session.Process(A.Ct("GetCallerIdentity", 1));

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(session.AdvanceToNow());
        Assert.Equal(1, session.Stats.LivePartialMatches);

        clock.Advance(TimeSpan.FromMinutes(30));
        var d = Assert.Single(session.AdvanceToNow());
        Assert.Equal(2, d.StepsMatched);
    }

    [Fact]
    public void Match_ShuffledInput_SameDetections()
    {
        var rng = new Random(7);
        var alerts = new List<NormalizedAlert>();
        for (var p = 0; p < 20; p++)
        {
            var principal = $"arn:aws:iam::111122223333:role/r{p}";
            alerts.Add(A.Ct("DescribeInstances", p, principal: principal, id: $"d{p}"));
            alerts.Add(A.Ct("GetCallerIdentity", p + 1, principal: principal, id: $"g{p}"));
            alerts.Add(A.Ct("ListBuckets", p + 2, principal: principal, id: $"l{p}"));
            if (p % 3 != 0)
            {
                alerts.Add(A.Ct("GetObject", p + 3, principal: principal, id: $"o{p}"));
            }
        }

        var engine = new PlaybookEngine([Yaml.Steps(Recon, extra: "minimum: 3")]);
        var first = engine.Match(alerts).Detections;
        var shuffled = engine.Match(alerts.OrderBy(_ => rng.Next())).Detections;

        Assert.Equal(20, first.Count);
        Assert.Equal(first.Select(Describe), shuffled.Select(Describe));
    }

    private static string Describe(PlaybookDetection d) =>
        $"{d.PlaybookId} {d.GroupKey} {d.StepsMatched} {string.Join(',', d.Steps.SelectMany(s => s.AlertIds))}";

    [Fact]
    public void Match_OnlyOptionalStepsReachMinimum_NoDetection()
    {
        const string Steps = """
            - name: discover
              match: {event_name: DescribeSnapshots}
              optional: true
            - name: copy
              match: {event_name: CreateSnapshot}
              optional: true
            - name: share
              match: {event_name: ModifySnapshotAttribute}
            """;

        Assert.Empty(Run(Steps, [A.Ct("DescribeSnapshots", 0), A.Ct("CreateSnapshot", 1)], extra: "minimum: 2").Detections);
        Assert.Single(Run(Steps, [A.Ct("DescribeSnapshots", 0), A.Ct("ModifySnapshotAttribute", 1)], extra: "minimum: 2").Detections);
    }

    [Fact]
    public void Match_GroupBySourceIp_AlertsWithoutIpCountedUngrouped()
    {
        const string Steps = """
            - name: a
              match: {event_name: A}
            - name: b
              match: {event_name: B}
            """;
        var alerts = new[] { A.Ct("A", 0, principal: "p1", ip: "198.51.100.1"), A.Ct("B", 1, principal: "p2", ip: "198.51.100.1"), A.Ct("A", 2, ip: null) };

        var result = Run(Steps, alerts, extra: "group_by: source_ip");

        Assert.Equal("198.51.100.1", Assert.Single(result.Detections).GroupKey);
        Assert.Equal(1, result.Stats.AlertsUngrouped);
    }

    [Fact]
    public void Match_GroupByAccessKey_JoinsPrincipalsSharingAKeyAndSkipsAlertsWithoutOne()
    {
        const string Steps = """
            - name: a
              match: {event_name: A}
            - name: b
              match: {event_name: B}
            """;
        var alerts = new[]
        {
            A.Ct("A", 0, principal: "p1") with { AccessKeyId = "AKIAEXAMPLE1" },
            A.Ct("B", 1, principal: "p2") with { AccessKeyId = "AKIAEXAMPLE1" },
            A.Ct("A", 2, principal: "p3") with { AccessKeyId = "AKIAEXAMPLE2" },
            A.Ct("B", 3, principal: "p3"),
        };

        var result = Run(Steps, alerts, extra: "group_by: access_key");

        Assert.Equal("AKIAEXAMPLE1", Assert.Single(result.Detections).GroupKey);
        Assert.Equal(1, result.Stats.AlertsUngrouped);
    }

    [Fact]
    public void Match_Sequence_UsesItsAlerts()
    {
        var alerts = new[] { A.Ct("DescribeInstances", 0), A.Ct("GetCallerIdentity", 1), A.Ct("ListBuckets", 2), A.Ct("GetObject", 3) };
        var sequence = new CstmML.Core.Sequences.AlertSequence
        {
            SequenceId = "s1",
            Account = "111122223333",
            Principal = "arn:aws:iam::111122223333:role/app",
            Start = A.T0,
            End = A.T0.AddMinutes(3),
            Alerts = alerts,
        };

        var d = Assert.Single(new PlaybookEngine([Yaml.Steps(Recon)]).Match(sequence));
        Assert.Equal(4, d.StepsMatched);
    }

    [Fact]
    public void Match_SequenceWithoutStartingStep_NoDetectionSameAsStreaming()
    {
        // GetCallerIdentity, ListBuckets and GetObject match steps, but none can open a partial match.
        var alerts = new[] { A.Ct("GetCallerIdentity", 0), A.Ct("ListBuckets", 1), A.Ct("GetObject", 2) };
        var engine = new PlaybookEngine([Yaml.Steps(Recon)]);

        Assert.Empty(engine.Match(Sequence(alerts)));
        Assert.Empty(engine.Match(alerts).Detections);
    }

    [Fact]
    public void Match_SequenceStartingStepLast_SameDetectionsAsStreaming()
    {
        var alerts = new[]
        {
            A.Ct("GetObject", 0, id: "e1"), A.Ct("DescribeInstances", 1, id: "e2"), A.Ct("GetCallerIdentity", 2, id: "e3"),
            A.Ct("ListBuckets", 3, id: "e4"), A.Ct("GetObject", 4, id: "e5"),
        };
        var engine = new PlaybookEngine([Yaml.Steps(Recon)]);

        var d = Assert.Single(engine.Match(Sequence(alerts)));

        Assert.Equal(["e2", "e3", "e4", "e5"], d.Steps.Select(s => Assert.Single(s.AlertIds)));
        var streamed = Assert.Single(engine.Match(alerts).Detections);
        Assert.Equal(streamed.Steps.SelectMany(s => s.AlertIds), d.Steps.SelectMany(s => s.AlertIds));
        Assert.Equal((streamed.Start, streamed.End, streamed.StepsMatched), (d.Start, d.End, d.StepsMatched));
    }

    [Fact]
    public void Match_UnsortedAlerts_SortedByTimeThenIdBeforeMatching()
    {
        // Same time for the first two: the id breaks the tie, so "a" (DescribeInstances) opens the match.
        var alerts = new[] { A.Ct("GetCallerIdentity", 1, id: "b"), A.Ct("GetObject", 3, id: "d"), A.Ct("DescribeInstances", 1, id: "a"), A.Ct("ListBuckets", 2, id: "c") };

        var d = Assert.Single(Run(Recon, alerts).Detections);

        Assert.Equal(["a", "b", "c", "d"], d.Steps.Select(s => Assert.Single(s.AlertIds)));
    }

    private static CstmML.Core.Sequences.AlertSequence Sequence(NormalizedAlert[] alerts) => new()
    {
        SequenceId = "s1",
        Account = alerts[0].Account,
        Principal = alerts[0].Principal,
        Start = alerts[0].Time,
        End = alerts[^1].Time,
        Alerts = alerts,
    };
}
