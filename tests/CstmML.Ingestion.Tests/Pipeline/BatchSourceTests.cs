using System.Text;
using CstmML.Ingestion.Pipeline;
using CstmML.Testing;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary><see cref="BatchSource"/> on a worker: a deferred file's budget counts the lines a line taker took, too.</summary>
public class BatchSourceTests
{
    [Fact]
    public void Expand_DeferredCloudTrailLinesOverBudgetAllTaken_GivesTheFileBack()
    {
        var lines = Enumerable.Range(0, 200).Select(i => FastPathDifferentialTests.BaseRecords()[0].Replace("ev-1", "budget-" + i, StringComparison.Ordinal));
        var gzip = TempDir.Gzip(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        var batch = new RecordBatch();
        batch.AddFileStart();
        batch.Deferred = new DeferredFile("lines.jsonl.gz", gzip, new ReaderOptions(), Budget: 16 * 1024);
        var processor = new RecordProcessor(SourceRegistry.Default, null, new PipelineOptions());

        Assert.False(BatchSource.Expand(batch, processor));
        Assert.Single(batch.Items.ToArray());
        Assert.True(processor.FastRecords > 0, "the lines should have been taken");
        batch.Release();
    }

    [Fact]
    public void Expand_DeferredLinesWithinBudget_AllTakenAndKept()
    {
        var lines = Enumerable.Range(0, 5).Select(i => FastPathDifferentialTests.BaseRecords()[0].Replace("ev-1", "fits-" + i, StringComparison.Ordinal));
        var batch = new RecordBatch();
        batch.AddFileStart();
        batch.Deferred = new DeferredFile("lines.jsonl", Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"), new ReaderOptions(), Budget: 1024 * 1024);

        Assert.True(BatchSource.Expand(batch, new RecordProcessor(SourceRegistry.Default, null, new PipelineOptions())));
        Assert.Equal(5, batch.Items.ToArray().Count(i => i.Kind == BatchItemKind.Taken));
        batch.Release();
    }
}
