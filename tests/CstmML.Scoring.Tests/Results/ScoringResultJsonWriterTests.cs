using System.Buffers;
using System.Text;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using CstmML.Features.Velocity;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;
using CstmML.Playbooks.Matching;
using CstmML.Playbooks.Model;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;
using CstmML.Scoring.Tests.Engine;

namespace CstmML.Scoring.Tests.Results;

/// <summary>
/// The hand-written writer must give the bytes of the source-generated contract serializer (as <c>cstm score</c> used it:
/// a default <see cref="Utf8JsonWriter"/>) for every result: real ones from the bundled model and odd generated ones.
/// </summary>
public sealed class ScoringResultJsonWriterTests(EngineModelFixture fixture) : IClassFixture<EngineModelFixture>
{
    private static readonly DateTimeOffset Epoch = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToJsonLine_BundledSampleWithDefaultModel_SameBytesAsContract()
    {
        var results = ScoreWithDefaultModel("training-data/samples");

        Assert.True(results.Count > 20, $"only {results.Count} results from the bundled sample");
        AssertAllSame(results);
    }

    [Fact]
    public void ToJsonLine_TrainingCorpusWithDefaultModel_SameBytesAsContract()
    {
        var results = ScoreWithDefaultModel("training-data/corpus");

        Assert.True(results.Count > 1000, $"only {results.Count} results from the corpus");
        Assert.Contains(results, r => r.Playbooks.Count > 0);
        AssertAllSame(results);
    }

    [Fact]
    public void ToJsonLine_EngineCorpusSequences_SameBytesAsContract()
    {
        using var engine = fixture.Load();
        var random = new Random(41);
        var sequences = Enumerable.Range(0, 600)
            .Select(i => i % 2 == 0
                ? EngineCorpus.Incident(i % 3, i % 3, Epoch.AddMinutes(i * 50), random, $"w{i}")
                : EngineCorpus.Benign(i % 3, Epoch.AddMinutes(i * 50), random, $"w{i}"))
            .ToArray();

        var results = engine.Score(sequences);

        Assert.Contains(results, r => r.Playbooks.Count > 0);
        AssertAllSame(results);
    }

    [Fact]
    public void ToJsonLine_GeneratedOddResults_SameBytesAsContract()
    {
        var random = new Random(7);
        var results = Enumerable.Range(0, 3000).Select(i => Generated(random, i)).ToArray();

        AssertAllSame(results);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("<start> -> <unk> (p=0.0001) & 'x' + `y` \"q\" \\ /")]
    [InlineData("tab\tnew\nline\rcr\bback\fform\u0000nul\u001fus\u007fdel")]
    [InlineData("café → 東京 😀 \u00a0 \u2028 \u2029 \ufeff")]
    [InlineData("mixed < then é then >")]
    public void ToJsonLine_OddString_SameBytesAsContract(string text)
    {
        var result = Minimal() with { SequenceId = text, Principal = text, AlertIds = [text, text] };

        AssertSame(result);
    }

    [Fact]
    public void ToJsonLine_LoneSurrogate_SameOutcomeAsContract()
    {
        var result = Minimal() with { SequenceId = "a\ud800b", AlertIds = ["\udc00", "x\ud83d"] };

        AssertSame(result);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(double.MinValue)]
    [InlineData(1e-7)]
    [InlineData(1e15)]
    [InlineData(1e16)]
    [InlineData(1e21)]
    [InlineData(0.1)]
    [InlineData(1.0 / 3.0)]
    [InlineData(123456789012345680.0)]
    [InlineData(-2.2250738585072014E-308)]
    public void ToJsonLine_DoubleOfAnyMagnitude_SameBytesAsContract(double value)
    {
        var result = Minimal() with { Velocity = Velocity(value, value) };

        AssertSame(result);
    }

    [Fact]
    public void ToJsonLine_NegativeZero_SameBytesAsContract() => AssertSame(Minimal() with { Velocity = Velocity(-0.0, -0.0) });

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ToJsonLine_NonFiniteDouble_RefusedLikeContract(double value)
    {
        var result = Minimal() with { Velocity = Velocity(value, 1) };

        Assert.ThrowsAny<ArgumentException>(() => Contract(result));
        Assert.ThrowsAny<ArgumentException>(() => ScoringResultJsonWriter.ToJsonLine(result));
    }

    [Fact]
    public void ToJsonLine_NullsAndEmptyListsEverywhere_SameBytesAsContract()
    {
        var nulls = Minimal() with
        {
            PrincipalType = null,
            Techniques = null!,
            TacticChain = null!,
            AlertIds = null!,
            Anomaly = null,
            Actor = null,
            Playbooks = null!,
            Volume = null!,
            Account = null!,
        };
        var empties = Minimal() with
        {
            Anomaly = Anomaly(new Random(1)) with { TopNgrams = [], RarestWindowAlertIds = [], UnseenTokens = [], Differences = [], KMeansDistance = null, KMeansTailProbability = null },
            Actor = new ActorResult { Label = "unknown", Probability = 0, Candidates = [] },
            Playbooks = [null!, Detection(new Random(2)) with { Steps = [], MissingSteps = [], Attack = [] }],
            Volume = [null!],
            AlertIds = [null!, "a"],
            Techniques = [default, TechniqueId.Parse("T1098")],
            Risk = new RiskResult(0, []),
        };

        AssertSame(nulls);
        AssertSame(empties);
    }

    [Fact]
    public void ToJsonLine_UndefinedEnumValues_SameBytesAsContract()
    {
        var result = Minimal() with
        {
            Velocity = Velocity(1, 1) with { Class = (VelocityClass)17 },
            Anomaly = Anomaly(new Random(3)) with { Baseline = (BaselineLevel)(-1) },
            Playbooks = [Detection(new Random(4)) with { Severity = (PlaybookSeverity)9 }],
        };

        AssertSame(result);
    }

    [Fact]
    public void ToJsonLine_DatesWithOffsetsAndFractions_SameBytesAsContract()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            var ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            // Every fraction shape: none, whole milliseconds, single trailing digits, all seven digits.
            ticks -= (i % 4) switch { 0 => ticks % TimeSpan.TicksPerSecond, 1 => ticks % TimeSpan.TicksPerMillisecond, 2 => ticks % 10, _ => 0 };
            var time = new DateTimeOffset(ticks, offset);

            AssertSame(Minimal() with { Start = time, End = new DateTimeOffset(ticks, TimeSpan.Zero) });
        }
    }

    [Fact]
    public void ToJsonLine_LargeThenSmallResult_SecondHasNothingOfTheFirst()
    {
        var random = new Random(5);
        var large = Generated(random, 0) with { AlertIds = [.. Enumerable.Range(0, 200_000).Select(i => $"<alert-{i}>")] };
        var small = Minimal();

        var first = ScoringResultJsonWriter.ToJsonLine(large);
        var second = ScoringResultJsonWriter.ToJsonLine(small);
        var third = ScoringResultJsonWriter.ToJsonLine(large);

        Assert.Equal(Contract(large), first);
        Assert.Equal(Contract(small), second);
        Assert.Equal(first, third);
    }

    [Fact]
    public void ToJsonLine_FourThreadsAtOnce_EachSameBytesAsContract()
    {
        var random = new Random(9);
        var results = Enumerable.Range(0, 400).Select(i => Generated(random, i)).ToArray();
        var expected = results.Select(Contract).ToArray();
        var failures = 0;
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (var round = 0; round < 3; round++)
            {
                // Each thread walks the results from its own starting point, so different shapes overlap in time.
                for (var k = 0; k < results.Length; k++)
                {
                    var i = (k + (t * 97)) % results.Length;
                    if (!ScoringResultJsonWriter.ToJsonLine(results[i]).AsSpan().SequenceEqual(expected[i]))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Write_BufferWriter_ObjectWithoutLineFeed()
    {
        var result = Generated(new Random(13), 1);
        var output = new ArrayBufferWriter<byte>();

        ScoringResultJsonWriter.Write(output, result);

        Assert.Equal(Contract(result)[..^1], output.WrittenSpan.ToArray());
    }

    private static IReadOnlyList<ScoringResult> ScoreWithDefaultModel(string input)
    {
        var root = EngineModelFixture.RepoRoot();
        var rejected = 0;
        var alerts = new AlertPipeline(SourceRegistry.Default, new PipelineOptions(), _ => rejected++).Run([Path.Combine(root, input)]);
        var sequences = BatchSequencing.Sequence(alerts);
        using var engine = ScoringEngine.Load(Path.Combine(root, "models", "default"));
        return [.. sequences.Chunk(256).SelectMany(batch => engine.Score(batch))];
    }

    private static void AssertAllSame(IEnumerable<ScoringResult> results)
    {
        var n = 0;
        foreach (var r in results)
        {
            AssertSame(r);
            n++;
        }

        Assert.True(n > 0);
    }

    // Same bytes, or both refuse the result with the same kind of exception.
    private static void AssertSame(ScoringResult result)
    {
        byte[] expected;
        try
        {
            expected = Contract(result);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            var mine = Assert.ThrowsAny<Exception>(() => ScoringResultJsonWriter.ToJsonLine(result));
            Assert.IsType(e.GetType(), mine, exactMatch: false);
            return;
        }

        var actual = ScoringResultJsonWriter.ToJsonLine(result);
        if (!actual.AsSpan().SequenceEqual(expected))
        {
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
            Assert.Equal(expected, actual);
        }
    }

    // The contract as `cstm score` wrote it before: the source-generated serializer on a default writer, then a line feed.
    private static byte[] Contract(ScoringResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, result, ScoringResultJsonContext.Default.ScoringResult);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static ScoringResult Minimal() => new()
    {
        SequenceId = "s:1",
        Account = "111122223333",
        Principal = "arn:aws:iam::111122223333:role/app",
        Start = Epoch,
        End = Epoch.AddSeconds(1.5),
        AlertCount = 1,
        Velocity = Velocity(0, 0),
        Risk = new RiskResult(3, [new RiskReason("anomaly", 1.25, "score 1 > threshold 0.5")]),
        Model = new ModelRef("default", "0.1.0"),
    };

    private static VelocityProfile Velocity(double eventsPerMinute, double burstiness) => new()
    {
        EventsPerMinute = eventsPerMinute,
        MedianGapSeconds = burstiness,
        MinimumGapSeconds = 0,
        Burstiness = burstiness,
        Class = VelocityClass.Mixed,
    };

    private static ScoringResult Generated(Random random, int i) => new()
    {
        SequenceId = Text(random),
        Account = Text(random),
        Principal = Text(random),
        PrincipalType = random.Next(3) == 0 ? null : Text(random),
        Start = Epoch.AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 400)),
        End = Epoch.AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 400)).ToOffset(TimeSpan.FromMinutes(random.Next(-600, 600))),
        AlertCount = random.Next(int.MinValue, int.MaxValue),
        Techniques = [.. Enumerable.Range(0, random.Next(4)).Select(_ => TechniqueId.Parse("T1098.001"))],
        TacticChain = [.. Enumerable.Range(0, random.Next(3)).Select(_ => TacticId.Parse("TA0006"))],
        AlertIds = Texts(random),
        Velocity = new VelocityProfile
        {
            EventsPerMinute = Number(random),
            MedianGapSeconds = Number(random),
            MinimumGapSeconds = Number(random),
            Burstiness = Number(random),
            Class = (VelocityClass)random.Next(4),
        },
        Anomaly = i % 5 == 0 ? null : Anomaly(random),
        Actor = i % 7 == 0 ? null : new ActorResult
        {
            Label = Text(random),
            Probability = Number(random),
            AbstainReason = random.Next(2) == 0 ? null : Text(random),
            CentroidDistance = Number(random),
            Candidates = [.. Enumerable.Range(0, random.Next(6)).Select(_ => new ActorCandidate(Text(random), Number(random), Texts(random)))],
        },
        Playbooks = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Detection(random))],
        Volume = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new VolumeFinding
        {
            Kind = Text(random),
            Scope = Text(random),
            Key = Text(random),
            Tactic = random.Next(2) == 0 ? null : Text(random),
            HourStart = Epoch.AddHours(random.Next(10_000)),
            Observed = Number(random),
            Expected = Number(random),
            Score = Number(random),
        })],
        Risk = new RiskResult(random.Next(101), [.. Enumerable.Range(0, random.Next(5)).Select(_ => new RiskReason(Text(random), Number(random), Text(random)))]),
        Model = new ModelRef(Text(random), Text(random)),
    };

    private static AnomalyResult Anomaly(Random random) => new()
    {
        Score = Number(random),
        Threshold = Number(random),
        Baseline = (BaselineLevel)random.Next(3),
        BaselineKey = Text(random),
        MarkovSignal = Number(random),
        MarkovTailProbability = Number(random),
        KMeansDistance = random.Next(3) == 0 ? null : Number(random),
        KMeansTailProbability = random.Next(3) == 0 ? null : Number(random),
        TopNgrams = Texts(random),
        RarestWindow = new MarkovWindow(random.Next(-5, 50), Texts(random), Number(random)),
        RarestWindowAlertIds = Texts(random),
        UnseenSteps = random.Next(),
        UnseenTokens = Texts(random),
        Differences = Texts(random),
    };

    private static PlaybookDetection Detection(Random random) => new()
    {
        PlaybookId = Text(random),
        Version = random.Next(),
        Actor = Text(random),
        Severity = (PlaybookSeverity)random.Next(4),
        GroupKey = Text(random),
        StepsMatched = random.Next(10),
        StepsTotal = random.Next(10),
        Minimum = random.Next(10),
        Complete = random.Next(2) == 0,
        Start = Epoch.AddSeconds(random.Next()),
        End = Epoch.AddMilliseconds(random.Next()),
        Steps = [.. Enumerable.Range(0, random.Next(4)).Select(_ => new StepResult(Text(random), Texts(random), random.Next(2) == 0))],
        MissingSteps = Texts(random),
        Attack = [.. Enumerable.Range(0, random.Next(3)).Select(_ => TechniqueId.Parse("T1562.008"))],
    };

    private static string[] Texts(Random random) => [.. Enumerable.Range(0, random.Next(5)).Select(_ => Text(random))];

    // Mostly plain ids, then every ASCII character, then non-ASCII (Latin, CJK, emoji as surrogate pairs).
    private static string Text(Random random)
    {
        var length = random.Next(0, 40);
        var kind = random.Next(4);
        var chars = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            switch (kind)
            {
                case 0:
                    chars.Append((char)random.Next('a', 'z' + 1));
                    break;
                case 1:
                case 2:
                    chars.Append((char)random.Next(0, 128));
                    break;
                default:
                    switch (random.Next(5))
                    {
                        case 0: chars.Append((char)random.Next(0x80, 0x800)); break;
                        case 1: chars.Append((char)random.Next(0x3000, 0x9fff)); break;
                        case 2: chars.Append(char.ConvertFromUtf32(random.Next(0x1f300, 0x1faff))); break;
                        default: chars.Append((char)random.Next(0x20, 0x7f)); break;
                    }

                    break;
            }
        }

        return chars.ToString();
    }

    // Finite doubles of every magnitude: random bit patterns, small integers and simple decimals.
    private static double Number(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                return random.Next(-1000, 1000);
            case 1:
                return Math.Round(random.NextDouble() * 100, random.Next(6));
            default:
                double d;
                do
                {
                    d = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
                }
                while (!double.IsFinite(d));

                return d;
        }
    }
}
