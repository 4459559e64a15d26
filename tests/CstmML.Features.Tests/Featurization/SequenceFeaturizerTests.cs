using System.Globalization;
using System.Runtime.InteropServices;
using CstmML.Core.Alerts;
using CstmML.Core.Hashing;
using CstmML.Core.Sequences;
using CstmML.Features.Featurization;
using CstmML.Features.Velocity;
using Xunit.Abstractions;

namespace CstmML.Features.Tests.Featurization;

public class SequenceFeaturizerTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    private static readonly FeatureSchema Schema = FeatureSchema.Default;
    private static readonly SequenceFeaturizer Featurizer = new();

    // A scripted credential theft: discovery, two secret reads (one denied), then collection, all within 4 s.
    internal static AlertSequence ScriptedTheft() => new TestSequence()
        .Add(0, "DescribeInstances", ["T1580"], ["TA0007"], region: "us-east-1", service: "ec2.amazonaws.com", ip: "198.51.100.7", userAgent: "Boto3/1.34.0 md/Botocore#1.34.0", severity: 2)
        .Add(1, "GetSecretValue", ["T1552.005"], ["TA0006"], region: "us-east-1", service: "secretsmanager.amazonaws.com", ip: "198.51.100.7", userAgent: "Boto3/1.34.0 md/Botocore#1.34.0", outcome: "AccessDenied", severity: 4)
        .Add(1, "GetSecretValue", ["T1552.005"], ["TA0006"], region: "eu-west-1", service: "secretsmanager.amazonaws.com", ip: "198.51.100.7", userAgent: "Boto3/1.34.0 md/Botocore#1.34.0", severity: 6)
        .Add(4, "GetObject", ["T1530"], ["TA0009"], region: "us-east-1", service: "s3.amazonaws.com", ip: "203.0.113.9", userAgent: null, severity: 8)
        .Build();

    // One console login: the degenerate case for every time statistic.
    internal static AlertSequence SingleLogin() => new TestSequence { PrincipalType = PrincipalTypes.User }
        .Add(0, "ConsoleLogin", ["T1078.004"], ["TA0001", "TA0003", "TA0004", "TA0005"], userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", severity: 5)
        .Build();

    // Five GuardDuty findings stamped with the same second, from a Tor exit, one with no tactics.
    internal static AlertSequence SimultaneousFindings() => new TestSequence()
        .Add(10, "Recon:IAMUser/TorIPCaller", ["T1580"], ["TA0007"], product: AlertProduct.GuardDuty, ip: "5.2.67.226", userAgent: "python-requests/2.31", severity: 5)
        .Add(10, "UnauthorizedAccess:IAMUser/TorIPCaller", ["T1078.004"], ["TA0001"], product: AlertProduct.GuardDuty, ip: "5.2.67.226", userAgent: "python-requests/2.31", severity: 5)
        .Add(10, "Discovery:S3/TorIPCaller", ["T1619"], ["TA0007"], product: AlertProduct.GuardDuty, ip: "5.2.67.226", userAgent: "python-requests/2.31", severity: 5)
        .Add(10, "Exfiltration:S3/AnomalousBehavior", ["T1530"], ["TA0010"], product: AlertProduct.GuardDuty, ip: "5.2.67.226", userAgent: "python-requests/2.31", severity: 8)
        .Add(10, "Policy:S3/BucketBlockPublicAccessDisabled", [], [], product: AlertProduct.GuardDuty, ip: "5.2.67.226", userAgent: "python-requests/2.31", severity: 2)
        .Build();

    [Fact]
    public void Featurize_ValuesInRunsAndRevisited_CountsEachDistinctValueOnce()
    {
        // Regions a a b a b c (runs and returns), addresses x x x (one run), services s t s t: distinct 3, 1 and 2.
        var v = new TestSequence()
            .Add(0, "A", [], [], region: "us-east-1", service: "s", ip: "192.0.2.1")
            .Add(1, "A", [], [], region: "us-east-1", service: "t", ip: "192.0.2.1")
            .Add(2, "A", [], [], region: "eu-west-1", service: "s", ip: "192.0.2.1")
            .Add(3, "A", [], [], region: "us-east-1", service: "t")
            .Add(4, "A", [], [], region: "eu-west-1")
            .Add(5, "A", [], [], region: "ap-south-1")
            .Build();

        var features = Featurizer.Featurize(v);

        AssertSlot(features, FeatureNames.RegionsLog, Math.Log(1 + 3));
        AssertSlot(features, FeatureNames.SourceIpsLog, Math.Log(1 + 1));
        AssertSlot(features, FeatureNames.ServicesLog, Math.Log(1 + 2));
    }

    [Fact]
    public void Featurize_ScriptedTheft_TimeSlotsMatchHandComputedGaps()
    {
        var v = Featurizer.Featurize(ScriptedTheft());

        // Times 0, 1, 1, 4 s: gaps 1, 0, 3 -> sorted 0, 1, 3.
        var mean = 4.0 / 3;
        var std = Math.Sqrt((Math.Pow(0 - mean, 2) + Math.Pow(1 - mean, 2) + Math.Pow(3 - mean, 2)) / 3);
        AssertSlot(v, FeatureNames.SequenceLengthLog, Math.Log(5));
        AssertSlot(v, FeatureNames.SequenceSpanLog, Math.Log(5));
        AssertSlot(v, FeatureNames.GapMedianLog, Math.Log(2));
        AssertSlot(v, FeatureNames.GapMinLog, 0);
        AssertSlot(v, FeatureNames.GapMaxLog, Math.Log(4));
        AssertSlot(v, FeatureNames.GapMeanLog, Math.Log(1 + mean));
        AssertSlot(v, FeatureNames.GapMadLog, Math.Log(2)); // |0-1|, |1-1|, |3-1| -> median 1
        AssertSlot(v, FeatureNames.GapCv, std / mean);
        AssertSlot(v, FeatureNames.GapBurstiness, (std - mean) / (std + mean));
        AssertSlot(v, FeatureNames.GapZeroShare, 1.0 / 3);
        AssertSlot(v, FeatureNames.RatePerMinuteLog, Math.Log(1 + 45)); // 3 gaps in 4 s
        AssertSlot(v, FeatureNames.GapHistogramPrefix + "lt1s", 1.0 / 3);
        AssertSlot(v, FeatureNames.GapHistogramPrefix + "1s_5s", 2.0 / 3);
        AssertSlot(v, FeatureNames.GapHistogramPrefix + "5s_30s", 0);
    }

    [Fact]
    public void Featurize_ScriptedTheft_TacticSlotsMatchHandComputedChain()
    {
        var v = Featurizer.Featurize(ScriptedTheft());

        // Discovery (9) -> credential access (8) -> credential access (repeat, no transition) -> collection (11).
        AssertSlot(v, FeatureNames.TacticHasPrefix + "discovery", 1);
        AssertSlot(v, FeatureNames.TacticHasPrefix + "credential_access", 1);
        AssertSlot(v, FeatureNames.TacticHasPrefix + "collection", 1);
        AssertSlot(v, FeatureNames.TacticHasPrefix + "impact", 0);
        AssertSlot(v, FeatureNames.TacticTransitionPrefix + "expansion_to_foothold", 0.5);
        AssertSlot(v, FeatureNames.TacticTransitionPrefix + "foothold_to_expansion", 0.5);
        AssertSlot(v, FeatureNames.TacticTransitionPrefix + "expansion_to_expansion", 0);
        AssertSlot(v, FeatureNames.TacticFirstOrder, 9 / 14.0);
        AssertSlot(v, FeatureNames.TacticLastOrder, 11 / 14.0);
        AssertSlot(v, FeatureNames.TacticMinOrder, 8 / 14.0);
        AssertSlot(v, FeatureNames.TacticMaxOrder, 11 / 14.0);
        AssertSlot(v, FeatureNames.TacticDistinct, 3 / 14.0);
        AssertSlot(v, FeatureNames.TacticForwardShare, 0.5);
        AssertSlot(v, FeatureNames.TacticBackwardShare, 0.5);
        AssertSlot(v, FeatureNames.TacticProgress, 3 / 13.0);
        AssertSlot(v, FeatureNames.TacticUntaggedShare, 0);
    }

    [Fact]
    public void Featurize_ScriptedTheft_ContextSlotsMatchHandCounts()
    {
        var v = Featurizer.Featurize(ScriptedTheft());

        AssertSlot(v, FeatureNames.ErrorShare, 0.25);
        AssertSlot(v, FeatureNames.AccessDeniedShare, 0.25);
        AssertSlot(v, FeatureNames.RegionsLog, Math.Log(3)); // us-east-1, eu-west-1
        AssertSlot(v, FeatureNames.ServicesLog, Math.Log(4)); // ec2, secretsmanager, s3
        AssertSlot(v, FeatureNames.RegionSwitchShare, 2.0 / 3); // east->east, east->west, west->east
        AssertSlot(v, FeatureNames.SourceIpsLog, Math.Log(3));
        AssertSlot(v, FeatureNames.UserAgentsLog, Math.Log(2)); // the empty one is not a user agent
        AssertSlot(v, FeatureNames.UserAgentClassPrefix + "sdk_cli", 0.75);
        AssertSlot(v, FeatureNames.UserAgentClassPrefix + "empty", 0.25);
        AssertSlot(v, FeatureNames.AnonymizingIpShare, 0);
        AssertSlot(v, FeatureNames.SeverityMean, 0.5);
        AssertSlot(v, FeatureNames.SeverityMax, 0.8);
        AssertSlot(v, FeatureNames.PrincipalTypePrefix + "role", 1);
        AssertSlot(v, FeatureNames.PrincipalTypePrefix + "user", 0);
    }

    [Fact]
    public void Featurize_ScriptedTheft_TechniqueNgramsFollowDocumentedHash()
    {
        var v = Featurizer.Featurize(ScriptedTheft());
        var seed = Schema.HashSeed;
        var tokens = new[] { "T1580", "T1552.005", "T1530" }.Select(t => ReferenceFnv.Token(t, seed)).ToArray();

        // Repeats collapse, so the stream is 3 tokens: 3 unigrams + 2 bigrams + 1 trigram, each counted once.
        var ngrams = new[]
        {
            ReferenceFnv.Ngram(seed, tokens[0]), ReferenceFnv.Ngram(seed, tokens[1]), ReferenceFnv.Ngram(seed, tokens[2]),
            ReferenceFnv.Ngram(seed, tokens[0], tokens[1]), ReferenceFnv.Ngram(seed, tokens[1], tokens[2]),
            ReferenceFnv.Ngram(seed, tokens[0], tokens[1], tokens[2]),
        };
        var expected = new double[Schema.TechniqueBuckets];
        foreach (var h in ngrams)
        {
            expected[h % (uint)Schema.TechniqueBuckets] += 1;
        }

        var norm = Math.Sqrt(expected.Sum(x => x * x));
        for (var i = 0; i < expected.Length; i++)
        {
            AssertSlot(v, FeatureNames.Bucket(FeatureNames.TechniqueNgramPrefix, i), expected[i] / norm);
        }
    }

    [Fact]
    public void Featurize_AlertTypeToken_IsProductColonType()
    {
        var v = Featurizer.Featurize(SingleLogin());
        var bucket = ReferenceFnv.Ngram(Schema.HashSeed, ReferenceFnv.Token("cloudtrail:ConsoleLogin", Schema.HashSeed)) % (uint)Schema.AlertTypeBuckets;

        AssertSlot(v, FeatureNames.Bucket(FeatureNames.AlertTypeNgramPrefix, (int)bucket), 1);
    }

    [Fact]
    public void Featurize_SingleAlert_TimeStatisticsAreZeroAndShapesHold()
    {
        var v = Featurizer.Featurize(SingleLogin());

        AssertSlot(v, FeatureNames.SequenceLengthLog, Math.Log(2));
        AssertSlot(v, FeatureNames.SequenceSpanLog, 0);
        foreach (var name in Schema.Names.Where(n => n.StartsWith("gap_", StringComparison.Ordinal)))
        {
            AssertSlot(v, name, 0);
        }

        AssertSlot(v, FeatureNames.RatePerMinuteLog, 0);
        AssertSlot(v, FeatureNames.TacticFirstOrder, 3 / 14.0); // initial access is the earliest of its 4 tactics
        AssertSlot(v, FeatureNames.TacticLastOrder, 7 / 14.0);
        AssertSlot(v, FeatureNames.TacticDistinct, 4 / 14.0);
        AssertSlot(v, FeatureNames.TacticForwardShare, 0);
        AssertSlot(v, FeatureNames.UserAgentClassPrefix + "browser", 1);
        AssertSlot(v, FeatureNames.PrincipalTypePrefix + "user", 1);
        AssertSlot(v, FeatureNames.RegionSwitchShare, 0);
    }

    [Fact]
    public void Featurize_IdenticalTimestamps_GivesZeroGapsAndFloorsTheSpan()
    {
        var tor = IpReputationSet.FromAnonymizingList(new StringReader("# test list\n5.2.67.226\n"), "test-tor.txt");
        var v = new SequenceFeaturizer(Schema, tor).Featurize(SimultaneousFindings());

        AssertSlot(v, FeatureNames.GapHistogramPrefix + "lt1s", 1);
        AssertSlot(v, FeatureNames.GapZeroShare, 1);
        AssertSlot(v, FeatureNames.GapMedianLog, 0);
        AssertSlot(v, FeatureNames.GapCv, 0);
        AssertSlot(v, FeatureNames.GapBurstiness, 0);
        AssertSlot(v, FeatureNames.RatePerMinuteLog, Math.Log(1 + 240)); // 4 gaps over a span floored at 1 s
        AssertSlot(v, FeatureNames.AnonymizingIpShare, 1);
        AssertSlot(v, FeatureNames.UserAgentClassPrefix + "scripted_tool", 1);
        AssertSlot(v, FeatureNames.TacticUntaggedShare, 0.2);
        AssertSlot(v, FeatureNames.SeverityMean, 0.5);

        // Discovery (9) -> initial access (3) -> discovery -> exfiltration (13): 1 backward, 2 forward.
        AssertSlot(v, FeatureNames.TacticForwardShare, 2 / 3.0);
        AssertSlot(v, FeatureNames.TacticBackwardShare, 1 / 3.0);
        AssertSlot(v, FeatureNames.TacticTransitionPrefix + "access_to_expansion", 1 / 3.0);
        AssertSlot(v, FeatureNames.TacticTransitionPrefix + "expansion_to_action", 1 / 3.0);
    }

    [Fact]
    public void Featurize_WithoutReputation_ReputationSlotsAreZero()
    {
        var v = Featurizer.Featurize(SimultaneousFindings());

        AssertSlot(v, FeatureNames.AnonymizingIpShare, 0);
        AssertSlot(v, FeatureNames.CloudIpShare, 0);
    }

    // Pinned digests of whole vectors (FNV-1a 64 over the float bytes). The slot tests above check meaning; these
    // catch any other drift. If one fails, the vector changed: a deliberate layout or formula change must bump
    // FeatureSchemaDefaults.Version (models trained on the old vectors are then refused), and only then re-pin.
    [Theory]
    [InlineData(nameof(ScriptedTheft), "997ae2f279c70093")]
    [InlineData(nameof(SingleLogin), "9b105064982debb0")]
    [InlineData(nameof(SimultaneousFindings), "975eb1a344b3f7f8")]
    public void Featurize_HandBuiltSequences_MatchPinnedDigest(string sequence, string digest)
    {
        var s = sequence switch
        {
            nameof(ScriptedTheft) => ScriptedTheft(),
            nameof(SingleLogin) => SingleLogin(),
            _ => SimultaneousFindings(),
        };

        Assert.Equal(digest, Digest(Featurizer.Featurize(s)));
    }

    [Fact]
    public void Featurize_RepeatedAndParallelCalls_GiveIdenticalVectors()
    {
        var sequences = RandomSequences.Generate(seed: 11, count: 64);
        var expected = sequences.Select(Featurizer.Featurize).ToArray();
        var actual = new float[sequences.Count][];

        Parallel.For(0, sequences.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = i % sequences.Count;
            actual[k] = new SequenceFeaturizer().Featurize(sequences[k]);
        });

        for (var i = 0; i < sequences.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
            Assert.Equal(expected[i], Featurizer.Featurize(sequences[i]));
        }
    }

    [Fact]
    public void Featurize_RandomSequences_AreFiniteAndWithinDocumentedRanges()
    {
        var tor = IpReputationSet.FromAnonymizingList(new StringReader("10.0.0.1\n10.0.0.2\n"), "test");
        var featurizer = new SequenceFeaturizer(Schema, tor);
        var shares = Schema.Names
            .Select((n, i) => (n, i))
            .Where(p => p.n.Contains("_share", StringComparison.Ordinal) || p.n.StartsWith(FeatureNames.GapHistogramPrefix, StringComparison.Ordinal)
                || p.n.StartsWith("tac_", StringComparison.Ordinal) || p.n.StartsWith(FeatureNames.UserAgentClassPrefix, StringComparison.Ordinal)
                || p.n.StartsWith("ctx_severity", StringComparison.Ordinal) || p.n.StartsWith(FeatureNames.PrincipalTypePrefix, StringComparison.Ordinal))
            .Select(p => p.i)
            .ToArray();

        foreach (var sequence in RandomSequences.Generate(seed: 20260301, count: 2000))
        {
            var v = featurizer.Featurize(sequence);
            for (var i = 0; i < v.Length; i++)
            {
                Assert.True(float.IsFinite(v[i]), $"{Schema.Names[i]} = {v[i]} for a sequence of {sequence.Alerts.Count} alerts");
                Assert.True(v[i] >= -1 && v[i] <= 100, $"{Schema.Names[i]} = {v[i]} is out of range");
            }

            foreach (var i in shares)
            {
                Assert.InRange(v[i], 0f, 1.000001f);
            }

            AssertUnitOrZero(v.AsSpan(0, Schema.TechniqueBuckets));
            AssertUnitOrZero(v.AsSpan(Schema.TechniqueBuckets, Schema.AlertTypeBuckets));
        }
    }

    [Fact]
    public void CountDistinct_RandomValuesWithRunsFewAndMany_SameAsDistinctCount()
    {
        var random = new Random(31);
        for (var round = 0; round < 5000; round++)
        {
            // From one value to a few hundred distinct ones (past the gathered limit), in runs of random length.
            var pool = 1 + random.Next(round % 10 == 0 ? 400 : 12);
            var values = new List<uint>();
            var length = random.Next(1, 600);
            while (values.Count < length)
            {
                var v = (uint)random.Next(pool) * 2654435761u;
                values.AddRange(Enumerable.Repeat(v, 1 + random.Next(4)));
            }

            var expected = values.Distinct().Count();

            Assert.Equal(expected, SequenceFeaturizer.CountDistinct(values.ToArray()));
        }

        Assert.Equal(0, SequenceFeaturizer.CountDistinct([]));
    }

    [Fact]
    public void FeaturizeWithVelocity_RandomSequences_SameVectorAndProfileAsSeparateCalls()
    {
        var featurizer = new SequenceFeaturizer();
        var strict = new VelocityThresholds { MinGaps = 1, FastGapSeconds = 1, ManualMinMedianGapSeconds = 5 };
        foreach (var sequence in RandomSequences.Generate(seed: 29, count: 1500))
        {
            foreach (var thresholds in new[] { null, strict })
            {
                var together = new float[featurizer.Dimension];

                var velocity = featurizer.FeaturizeWithVelocity(sequence, together, thresholds);

                Assert.Equal(featurizer.Featurize(sequence), together);
                Assert.Equal(VelocityProfile.From(sequence, thresholds), velocity);
            }
        }
    }

    [Fact]
    public void Featurize_ShuffledAlerts_LeavesOrderFreeSlotsUnchanged()
    {
        // Time and context statistics and tactic presence do not depend on list order (times are sorted first);
        // n-grams of order 2-3 and transitions do, by design.
        var orderFree = Schema.Names
            .Select((n, i) => (n, i))
            .Where(p => p.n.StartsWith("gap_", StringComparison.Ordinal) || p.n.StartsWith("seq_", StringComparison.Ordinal)
                || p.n.StartsWith("rate_", StringComparison.Ordinal) || p.n.StartsWith("ctx_", StringComparison.Ordinal)
                || p.n.StartsWith(FeatureNames.TacticHasPrefix, StringComparison.Ordinal)
                || p.n is FeatureNames.TacticMinOrder or FeatureNames.TacticMaxOrder or FeatureNames.TacticDistinct
                    or FeatureNames.TacticProgress or FeatureNames.TacticUntaggedShare)
            .Select(p => p.i)
            .ToArray();
        Assert.True(orderFree.Length > 60);
        var random = new Random(7);

        foreach (var sequence in RandomSequences.Generate(seed: 3, count: 200))
        {
            var shuffled = sequence.Alerts.ToArray();
            random.Shuffle(shuffled);
            var a = Featurizer.Featurize(sequence);
            var b = Featurizer.Featurize(TestSequence.Of(shuffled, sequence.PrincipalType));

            foreach (var i in orderFree)
            {
                // Region switches follow list order, so that one slot is excluded.
                if (Schema.Names[i] != FeatureNames.RegionSwitchShare)
                {
                    Assert.True(Math.Abs(a[i] - b[i]) < 1e-5, $"{Schema.Names[i]}: {a[i]} vs {b[i]}");
                }
            }
        }
    }

    [Fact]
    public void Featurize_TechniqueOrderSwapped_ChangesBigramsButNotUnigrams()
    {
        var ab = new TestSequence().Add(0, "X", ["T1580"]).Add(5, "X", ["T1530"]).Build();
        var ba = new TestSequence().Add(0, "X", ["T1530"]).Add(5, "X", ["T1580"]).Build();

        Assert.NotEqual(Featurizer.Featurize(ab), Featurizer.Featurize(ba));
        var slotsAb = Featurizer.DescribeNgrams(ab).Where(n => n.Order == 1).Select(n => n.Slot).Order();
        var slotsBa = Featurizer.DescribeNgrams(ba).Where(n => n.Order == 1).Select(n => n.Slot).Order();
        Assert.Equal(slotsAb, slotsBa);
    }

    [Fact]
    public void DescribeNgrams_ScriptedTheft_NamesEveryNonZeroSlot()
    {
        var sequence = ScriptedTheft();
        var v = Featurizer.Featurize(sequence);
        var described = Featurizer.DescribeNgrams(sequence);

        Assert.Contains(described, n => n.Text == "T1580 > T1552.005 > T1530" && n.Order == 3);
        Assert.Contains(described, n => n.Text == "cloudtrail:GetSecretValue > cloudtrail:GetSecretValue" && n.Order == 2);
        Assert.Equal(6 + 9, described.Count); // techniques 3+2+1, types 4+3+2
        var nonZero = Enumerable.Range(0, Schema.TechniqueBuckets + Schema.AlertTypeBuckets).Where(i => v[i] != 0);
        Assert.All(nonZero, i => Assert.Contains(described, n => n.Slot == i));
        Assert.All(described, n => Assert.Equal(Schema.Names[n.Slot], n.SlotName));
    }

    [Fact]
    public void Featurize_EmptySequence_ThrowsNamingTheSequence()
    {
        var empty = TestSequence.Of([]);

        var e = Assert.Throws<ArgumentException>(() => Featurizer.Featurize(empty));
        Assert.Contains("seq-test", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Featurize_ShortDestination_ThrowsWithBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => Featurizer.Featurize(SingleLogin(), new float[10]));

        Assert.Contains("10", e.Message, StringComparison.Ordinal);
        Assert.Contains(Schema.Dimension.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Featurize_LongerDestination_WritesOnlyTheSchemaSlots()
    {
        var buffer = Enumerable.Repeat(42f, Schema.Dimension + 3).ToArray();

        Featurizer.Featurize(SingleLogin(), buffer);

        Assert.Equal(Featurizer.Featurize(SingleLogin()), buffer[..Schema.Dimension]);
        Assert.Equal([42f, 42f, 42f], buffer[Schema.Dimension..]);
    }

    [Fact]
    public void Featurize_NonFiniteSeverity_CountsAsZero()
    {
        var s = new TestSequence().Add(0, "X", severity: double.NaN).Add(1, "X", severity: double.PositiveInfinity).Add(2, "X", severity: 12).Build();

        var v = Featurizer.Featurize(s);

        AssertSlot(v, FeatureNames.SeverityMax, 1);
        AssertSlot(v, FeatureNames.SeverityMean, 1 / 3.0);
    }

    [Fact]
    public void Featurize_OtherSchema_UsesItsBucketsAndSeed()
    {
        var small = FeatureSchema.Create(techniqueBuckets: 16, alertTypeBuckets: 8, hashSeed: 1);
        var v = new SequenceFeaturizer(small).Featurize(ScriptedTheft());
        var bucket = ReferenceFnv.Ngram(1, ReferenceFnv.Token("T1530", 1)) % 16;

        Assert.Equal(small.Dimension, v.Length);
        Assert.NotEqual(0f, v[(int)bucket]);
        Assert.Equal(
            Featurizer.Featurize(ScriptedTheft())[Schema.IndexOf(FeatureNames.GapCv)],
            v[small.IndexOf(FeatureNames.GapCv)]);
    }

    [Fact]
    public void DescribeNgrams_AllCloudTechniqueUnigrams_SpreadLikeUniformHashing()
    {
        // Documents collisions (docs/features.md): k distinct unigrams in B buckets occupy B(1-(1-1/B)^k) buckets on
        // average under uniform hashing. A biased hash would fill clearly fewer.
        var techniques = CstmML.Core.Attack.AttackCatalog.Pinned.Techniques.Where(t => t.CloudRelevant).Select(t => t.Id.Value).ToArray();
        var builder = new TestSequence();
        foreach (var t in techniques)
        {
            builder.Add(0, "X", [t]);
        }

        var occupied = Featurizer.DescribeNgrams(builder.Build())
            .Where(n => n.Block == FeatureNames.TechniqueNgramPrefix && n.Order == 1)
            .Select(n => n.Slot)
            .Distinct()
            .Count();
        var b = (double)Schema.TechniqueBuckets;
        var expected = b * (1 - Math.Pow(1 - (1 / b), techniques.Length));

        output.WriteLine($"{techniques.Length} unigrams in {b} buckets: {occupied} occupied, {expected:F1} expected, {techniques.Length - occupied} collisions");
        Assert.Equal(169, techniques.Length);
        Assert.InRange(occupied, expected - 6, expected + 6);
    }

    [Fact]
    public void Featurize_MoreUserAgentsThanTheCacheHolds_StillClassifiesAndCountsEach()
    {
        var builder = new TestSequence();
        for (var i = 0; i < 5000; i++)
        {
            builder.Add(i, "X", userAgent: i % 2 == 0 ? $"curl/{i}" : $"aws-cli/{i}");
        }

        var featurizer = new SequenceFeaturizer();
        var first = featurizer.Featurize(builder.Build());
        var second = featurizer.Featurize(builder.Build());

        AssertSlot(first, FeatureNames.UserAgentClassPrefix + "scripted_tool", 0.5);
        AssertSlot(first, FeatureNames.UserAgentClassPrefix + "sdk_cli", 0.5);
        AssertSlot(first, FeatureNames.UserAgentsLog, Math.Log(5001));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Featurize_NullAlert_ThrowsNamingSequenceAndIndex()
    {
        var alerts = ScriptedTheft().Alerts.ToList();
        alerts[2] = null!;
        var sequence = TestSequence.Of(ScriptedTheft().Alerts) with { Alerts = alerts };

        var e = Assert.Throws<ArgumentException>(() => Featurizer.Featurize(sequence));

        Assert.Contains("'seq-test'", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Featurize_NullTechniqueAndTacticLists_CountAsEmpty()
    {
        var alert = ScriptedTheft().Alerts[0] with { Techniques = null!, Tactics = null! };

        var v = Featurizer.Featurize(TestSequence.Of([alert]));

        AssertSlot(v, FeatureNames.TacticUntaggedShare, 1);
        Assert.Equal(0f, v.AsSpan(0, Schema.TechniqueBuckets).ToArray().Sum());
    }

    [Fact]
    public void FeaturizeAll_Sequences_GivesRowMajorRowsEqualToSingleCalls()
    {
        var sequences = RandomSequences.Generate(seed: 8, count: 10);

        var matrix = Featurizer.FeaturizeAll(sequences);

        Assert.Equal(10 * Schema.Dimension, matrix.Length);
        for (var i = 0; i < sequences.Count; i++)
        {
            Assert.Equal(Featurizer.Featurize(sequences[i]), matrix.AsSpan(i * Schema.Dimension, Schema.Dimension).ToArray());
        }
    }

    internal static string Digest(float[] vector) =>
        StableHash.Fnv1a64(MemoryMarshal.AsBytes(vector.AsSpan())).ToString("x16", CultureInfo.InvariantCulture);

    private static void AssertSlot(float[] vector, string name, double expected)
    {
        var i = Schema.IndexOf(name);
        Assert.True(i >= 0, $"the schema has no slot '{name}'");
        Assert.True(Math.Abs(vector[i] - expected) < Tolerance, $"{name}: expected {expected}, got {vector[i]}");
    }

    private static void AssertUnitOrZero(ReadOnlySpan<float> block)
    {
        double sum = 0;
        foreach (var x in block)
        {
            Assert.True(x >= 0);
            sum += x * x;
        }

        Assert.True(sum == 0 || Math.Abs(sum - 1) < 1e-5, $"block norm² = {sum}");
    }
}
