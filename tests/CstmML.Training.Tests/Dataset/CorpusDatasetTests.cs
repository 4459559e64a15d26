using CstmML.Features.Featurization;
using CstmML.Scoring.Baselines;
using CstmML.Testing;
using CstmML.Training.Dataset;
using CstmML.Training.Evaluation;
using CstmML.Training.Labels;

namespace CstmML.Training.Tests.Dataset;

public sealed class CorpusDatasetTests(DatasetCorpusFixture corpus) : IClassFixture<DatasetCorpusFixture>
{
    [Fact]
    public void Build_SimulatedCorpus_LabelsEveryActorAndKeepsBenignRows()
    {
        var result = corpus.Result;
        Assert.Empty(corpus.Rejects);
        Assert.True(result.LabelsValid, string.Join('\n', result.LabelIssues));
        Assert.Equal(9, result.Summary.SequencesPerActor.Count);
        Assert.Contains(result.Rows, r => !r.IsIncident);
        Assert.All(result.Rows, r =>
        {
            Assert.Equal(BaselineKeys.RoleOf(r.Sequence), r.Role);
            Assert.Equal(FeatureSchema.Default.Dimension, r.Features.Length);
            Assert.Equal(r.Actor is not null, r.IncidentId is not null);
        });
        Assert.Equal(result.Rows.Count, result.Summary.Sequences);
        Assert.Equal(result.Rows.Count(r => r.Actor is not null), result.Summary.SequencesPerActor.Values.Sum());
    }

    [Fact]
    public void Build_SimulatedCorpus_RowsSortedAndDeterministic()
    {
        var again = CorpusDataset.Build(corpus.Directory);
        Assert.Equal(corpus.Result.Rows.Select(r => r.Sequence.SequenceId), again.Rows.Select(r => r.Sequence.SequenceId));
        Assert.Equal(corpus.Result.Rows.Select(r => r.Actor), again.Rows.Select(r => r.Actor));
        Assert.True(corpus.Result.Rows.Select(r => r.Sequence.SequenceId).SequenceEqual(
            corpus.Result.Rows.Select(r => r.Sequence.SequenceId).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(42)]
    public void GroupedSplit_DatasetRows_NoIncidentOrCampaignOnTwoSides(int seed)
    {
        var split = GroupedSplit.Split(corpus.Result.Rows, new SplitOptions { Seed = seed });
        var folds = new[] { split.Train, split.Calibration, split.Test }
            .Select(f => f.Where(r => r.Actor is not null).SelectMany(r => corpus.Result.IncidentKeys[r.Sequence.SequenceId].Append("incident:" + r.IncidentId)).ToHashSet())
            .ToArray();
        Assert.All(folds, f => Assert.NotEmpty(f));
        for (var i = 0; i < folds.Length; i++)
        {
            for (var j = i + 1; j < folds.Length; j++)
            {
                Assert.Empty(folds[i].Intersect(folds[j]));
            }
        }
    }

    [Fact]
    public void Build_UnknownPrincipal_ErrorNamesLabelsLine()
    {
        using var dir = new TempDir();
        corpus.CopyTo(dir.Path);
        var labels = dir.File(LabelsFile.DefaultFileName);
        var line = File.ReadAllLines(labels).Length + 1;
        File.AppendAllText(labels, "incident,111122223333,arn:aws:iam::111122223333:role/nobody,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,,pacu,c-x,\n");

        var result = CorpusDataset.Build(dir.Path);

        Assert.False(result.LabelsValid);
        var issue = Assert.Single(result.LabelIssues, i => i.Severity == LabelIssueSeverity.Error);
        Assert.Equal(line, issue.Line);
        Assert.Equal(LabelColumns.Principal, issue.Field);
        Assert.Contains("role/nobody", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IncidentAlertIdsNeverSeen_ErrorNamesLabelsLine()
    {
        using var dir = new TempDir();
        corpus.CopyTo(dir.Path);
        var labels = dir.File(LabelsFile.DefaultFileName);
        var line = File.ReadAllLines(labels).Length + 1;
        File.AppendAllText(labels, "incident,acct,,,,no-such-alert;nor-this,pacu,c-y,\n");

        var issue = Assert.Single(CorpusDataset.Build(dir.Path).LabelIssues, i => i.Severity == LabelIssueSeverity.Error);

        Assert.Equal(line, issue.Line);
        Assert.Equal(LabelColumns.AlertIds, issue.Field);
    }

    [Fact]
    public void Build_MissingFolder_Throws()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cstm-missing-" + Guid.NewGuid().ToString("N"));
        var ex = Assert.Throws<DirectoryNotFoundException>(() => CorpusDataset.Build(missing));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CorruptInputFile_RejectedWithLocationAndRestKept()
    {
        using var dir = new TempDir();
        corpus.CopyTo(dir.Path);
        var bad = dir.Write("guardduty/broken.jsonl", "{not json\n");

        var rejects = new List<Core.Serialization.RejectRecord>();
        var result = CorpusDataset.Build(dir.Path, onReject: rejects.Add);

        Assert.Contains(rejects, r => r.File.EndsWith("broken.jsonl", StringComparison.Ordinal));
        Assert.Equal(rejects.Count, result.Summary.RejectedAlerts);
        Assert.Equal(corpus.Result.Rows.Count, result.Rows.Count);
        Assert.True(File.Exists(bad));
    }
}
