using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Features.Featurization;
using CstmML.Features.Tests.Featurization;
using CstmML.Features.Velocity;

namespace CstmML.Features.Tests.Velocity;

public class VelocityProfileTests
{
    [Fact]
    public void Default_PinsEveryThreshold()
    {
        var t = VelocityThresholds.Default;

        Assert.Equal(2, t.MinGaps);
        Assert.Equal(2.0, t.AutomatedMaxMedianGapSeconds);
        Assert.Equal(5.0, t.FastGapSeconds);
        Assert.Equal(0.8, t.AutomatedMinFastShare);
        Assert.Equal(0.1, t.ScheduledMaxCv);
        Assert.Equal(4, t.ScheduledMinGaps);
        Assert.Equal(20.0, t.ManualMinMedianGapSeconds);
        Assert.Equal(0.5, t.ManualMinCv);
    }

    [Fact]
    public void From_HandBuiltGaps_GivesHandComputedNumbers()
    {
        // Times 0, 10, 10, 40 s: gaps 10, 0, 30 -> sorted 0, 10, 30; mean 40/3.
        var profile = VelocityProfile.From(Sequence(0, 10, 10, 40));
        var mean = 40.0 / 3;
        var std = Math.Sqrt((Math.Pow(mean, 2) + Math.Pow(10 - mean, 2) + Math.Pow(30 - mean, 2)) / 3);

        Assert.Equal(10, profile.MedianGapSeconds, 9);
        Assert.Equal(0, profile.MinimumGapSeconds, 9);
        Assert.Equal(3 / 40.0 * 60, profile.EventsPerMinute, 9);
        Assert.Equal((std - mean) / (std + mean), profile.Burstiness, 9);
    }

    [Fact]
    public void From_FastSteadyScript_IsAutomated() =>
        Assert.Equal(VelocityClass.Automated, VelocityProfile.From(Sequence(0, 1, 1, 2, 3, 4, 4, 5, 9, 10)).Class);

    [Fact]
    public void From_StrictlyPeriodicSlowJob_IsAutomated() =>
        Assert.Equal(VelocityClass.Automated, VelocityProfile.From(Sequence(0, 300, 600, 900, 1200, 1500)).Class);

    [Fact]
    public void From_SlowIrregularClicks_IsManual() =>
        Assert.Equal(VelocityClass.Manual, VelocityProfile.From(Sequence(0, 30, 120, 145, 345, 390)).Class);

    [Fact]
    public void From_ConsolePageLoadsWithThinkTime_IsMixed() =>
        Assert.Equal(VelocityClass.Mixed, VelocityProfile.From(Sequence(0, 0, 1, 41, 41, 42, 77, 77, 78, 128)).Class);

    [Fact]
    public void From_SlowButRegularWithFewGaps_IsMixed() =>
        Assert.Equal(VelocityClass.Mixed, VelocityProfile.From(Sequence(0, 60, 120)).Class); // too few gaps to call it scheduled

    [Theory]
    [InlineData(new double[] { 0 })]
    [InlineData(new double[] { 0, 1 })]
    public void From_FewerThanTwoGaps_IsUnknown(double[] times) =>
        Assert.Equal(VelocityClass.Unknown, VelocityProfile.From(Sequence(times)).Class);

    [Fact]
    public void From_SingleAlert_HasZeroRateAndGaps()
    {
        var p = VelocityProfile.From(Sequence(5));

        Assert.Equal(0, p.EventsPerMinute);
        Assert.Equal(0, p.MedianGapSeconds);
        Assert.Equal(0, p.Burstiness);
    }

    [Fact]
    public void From_CustomThresholds_AreApplied()
    {
        var seq = Sequence(0, 3, 6, 9);

        Assert.Equal(VelocityClass.Mixed, VelocityProfile.From(seq, VelocityThresholds.Default with { ScheduledMinGaps = 10 }).Class);
        Assert.Equal(VelocityClass.Automated, VelocityProfile.From(seq, VelocityThresholds.Default with { ScheduledMinGaps = 10, AutomatedMaxMedianGapSeconds = 3 }).Class);
    }

    [Fact]
    public void From_RandomSequences_AgreesWithFeaturizerTimeSlots()
    {
        var featurizer = new SequenceFeaturizer();
        var schema = featurizer.Schema;
        foreach (var s in RandomSequences.Generate(seed: 5, count: 300))
        {
            var p = VelocityProfile.From(s);
            var v = featurizer.Featurize(s);

            Assert.Equal((float)Math.Log(1 + p.MedianGapSeconds), v[schema.IndexOf(FeatureNames.GapMedianLog)]);
            Assert.Equal((float)Math.Log(1 + p.MinimumGapSeconds), v[schema.IndexOf(FeatureNames.GapMinLog)]);
            Assert.Equal((float)p.Burstiness, v[schema.IndexOf(FeatureNames.GapBurstiness)]);
            Assert.Equal((float)Math.Log(1 + p.EventsPerMinute), v[schema.IndexOf(FeatureNames.RatePerMinuteLog)]);
            Assert.True(double.IsFinite(p.EventsPerMinute) && double.IsFinite(p.Burstiness));
        }
    }

    [Fact]
    public void From_ShippedStratusDetonations_AreAutomatedExceptTheDeliberateSleeper()
    {
        // Real tool runs (training-data/reference/samples, Apache-2.0): the grounding of the automated thresholds.
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.Path("training-data", "reference", "samples", "stratus_detonation_cloudtrail.json")));
        var classes = new Dictionary<string, VelocityClass>();
        foreach (var log in doc.RootElement.GetProperty("logs").EnumerateObject())
        {
            var times = log.Value.EnumerateArray().Select(r => r.GetProperty("eventTime").GetDateTimeOffset()).ToArray();
            if (times.Length >= 3)
            {
                classes[log.Name] = VelocityProfile.From(Sequence(times.Select(t => (t - times.Min()).TotalSeconds).ToArray())).Class;
            }
        }

        Assert.Equal(16, classes.Count);
        Assert.Equal(15, classes.Values.Count(c => c == VelocityClass.Automated));
        Assert.Equal(VelocityClass.Mixed, classes["aws.impact.bedrock-invoke-model"]);
    }

    [Fact]
    public void Serialize_Profile_UsesContractNamesAndLowerCaseClass()
    {
        var json = JsonSerializer.Serialize(VelocityProfile.From(Sequence(0, 1, 2)));

        Assert.Contains("\"events_per_minute\":", json, StringComparison.Ordinal);
        Assert.Contains("\"median_gap_seconds\":", json, StringComparison.Ordinal);
        Assert.Contains("\"minimum_gap_seconds\":", json, StringComparison.Ordinal);
        Assert.Contains("\"burstiness\":", json, StringComparison.Ordinal);
        Assert.Contains("\"class\":\"automated\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void From_EmptySequence_ThrowsNamingTheSequence()
    {
        var e = Assert.Throws<ArgumentException>(() => VelocityProfile.From(TestSequence.Of([])));

        Assert.Contains("seq-test", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NullAlert_ThrowsNamingIndex()
    {
        var good = Sequence(0, 1, 2);
        var alerts = good.Alerts.ToList();
        alerts[1] = null!;

        var e = Assert.Throws<ArgumentException>(() => VelocityProfile.From(good with { Alerts = alerts }));

        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    private static CstmML.Core.Sequences.AlertSequence Sequence(params double[] seconds)
    {
        var builder = new TestSequence();
        foreach (var s in seconds)
        {
            builder.Add(s, "ListBuckets", outcome: Outcomes.Success);
        }

        return builder.Build();
    }
}
