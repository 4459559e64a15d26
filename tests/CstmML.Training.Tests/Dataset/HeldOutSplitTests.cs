using CstmML.Training.Dataset;
using CstmML.Training.Evaluation;

namespace CstmML.Training.Tests.Dataset;

public sealed class HeldOutSplitTests(DatasetCorpusFixture corpus) : IClassFixture<DatasetCorpusFixture>
{
    [Fact]
    public void Select_SameRows_ReturnsExactlyTheTestFold()
    {
        var rows = corpus.Result.Rows;
        var split = GroupedSplit.Split(rows, new SplitOptions { Seed = 5 });

        var held = HeldOutSplit.Select(HeldOutSplit.ToJson(split, new SplitOptions { Seed = 5 }), "split.json", rows);

        Assert.Equal(split.Test.Select(r => r.Sequence.SequenceId).Order(StringComparer.Ordinal), held.Rows.Select(r => r.Sequence.SequenceId).Order(StringComparer.Ordinal));
        Assert.Equal(split.Test.Count, held.TestFold);
        Assert.Equal(0, held.Unseen);
        Assert.Equal(split.Train.Count + split.Calibration.Count, held.Excluded);
    }

    [Fact]
    public void Select_GroupsNotInFile_AreHeldOutAsUnseen()
    {
        var rows = corpus.Result.Rows;
        var half = rows.Take(rows.Count / 2).ToArray();
        var split = GroupedSplit.Split(half, new SplitOptions());
        var inFile = half.Select(GroupedSplit.GroupOf).ToHashSet(StringComparer.Ordinal);

        var held = HeldOutSplit.Select(HeldOutSplit.ToJson(split, new SplitOptions()), "split.json", rows);

        Assert.Equal(rows.Count(r => !inFile.Contains(GroupedSplit.GroupOf(r))), held.Unseen);
        Assert.Equal(rows.Count, held.TestFold + held.Unseen + held.Excluded);
    }

    [Fact]
    public void ToJson_SameSplit_SameBytes()
    {
        var split = GroupedSplit.Split(corpus.Result.Rows, new SplitOptions { Seed = 3 });
        Assert.Equal(HeldOutSplit.ToJson(split, new SplitOptions { Seed = 3 }), HeldOutSplit.ToJson(split, new SplitOptions { Seed = 3 }));
    }

    [Theory]
    [InlineData("{}", "folds")]
    [InlineData("{\"folds\":{\"train\":[],\"calibration\":[]}}", "folds.test")]
    [InlineData("not json", "not valid JSON")]
    public void Select_BadFile_NamesSourceAndProblem(string json, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => HeldOutSplit.Select(System.Text.Encoding.UTF8.GetBytes(json), "m/split.json", corpus.Result.Rows));
        Assert.Contains("m/split.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
