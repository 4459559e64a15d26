using CstmML.Training.Evaluation;

namespace CstmML.Training.Tests.Evaluation;

public class GroupedSplitTests
{
    private static readonly IReadOnlyList<LabelledSequence> Data = SyntheticCorpus.Generate();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Split_AnyMode_NoGroupOnTwoSides(bool timeOrdered)
    {
        var split = GroupedSplit.Split(Data, new SplitOptions { Seed = 11, TimeOrdered = timeOrdered });

        var folds = new[] { split.Train, split.Calibration, split.Test }
            .Select(f => f.Select(GroupedSplit.GroupOf).ToHashSet(StringComparer.Ordinal))
            .ToArray();
        Assert.Empty(folds[0].Intersect(folds[1]));
        Assert.Empty(folds[0].Intersect(folds[2]));
        Assert.Empty(folds[1].Intersect(folds[2]));
        // Incidents of one campaign share a group, so no incident or campaign id crosses folds either.
        var trainCampaigns = split.Train.Select(r => r.CampaignId).OfType<string>().ToHashSet();
        Assert.DoesNotContain(split.Test, r => r.CampaignId is not null && trainCampaigns.Contains(r.CampaignId));
        Assert.Equal(Data.Count, split.Train.Count + split.Calibration.Count + split.Test.Count);
        Assert.Contains(split.Test, r => r.IsIncident);
    }

    [Fact]
    public void Split_TimeOrdered_TrainGroupsStartBeforeTestGroups()
    {
        var split = GroupedSplit.Split(Data, new SplitOptions { TimeOrdered = true });

        static DateTimeOffset GroupStart(IEnumerable<LabelledSequence> fold, bool last) =>
            fold.GroupBy(GroupedSplit.GroupOf).Select(g => g.Min(r => r.Sequence.Start)).Aggregate((a, b) => last ? (a > b ? a : b) : (a < b ? a : b));
        Assert.True(GroupStart(split.Train, last: true) <= GroupStart(split.Test, last: false));
    }

    [Fact]
    public void Split_SameSeed_SameFoldsAndOtherSeedDiffers()
    {
        var a = GroupedSplit.Split(Data, new SplitOptions { Seed = 5 });
        var b = GroupedSplit.Split(Data, new SplitOptions { Seed = 5 });
        var c = GroupedSplit.Split(Data, new SplitOptions { Seed = 6 });

        Assert.Equal(a.Test.Select(r => r.Sequence.SequenceId), b.Test.Select(r => r.Sequence.SequenceId));
        Assert.NotEqual(a.Test.Select(r => r.Sequence.SequenceId), c.Test.Select(r => r.Sequence.SequenceId));
    }

    [Fact]
    public void GroupOf_CampaignThenIncidentThenSequence_UsesFirstPresent()
    {
        var row = Data.First(r => r.CampaignId is not null);

        Assert.Equal("campaign:" + row.CampaignId, GroupedSplit.GroupOf(row));
        Assert.Equal("incident:" + row.IncidentId, GroupedSplit.GroupOf(row with { CampaignId = null }));
        Assert.Equal("sequence:" + row.Sequence.SequenceId, GroupedSplit.GroupOf(row with { CampaignId = null, IncidentId = null }));
    }

    [Fact]
    public void Split_FractionsOverOne_ThrowsNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => GroupedSplit.Split(Data, new SplitOptions { TrainFraction = 0.9, CalibrationFraction = 0.2 }));
        Assert.Contains("train=0.9", ex.Message, StringComparison.Ordinal);
    }
}
