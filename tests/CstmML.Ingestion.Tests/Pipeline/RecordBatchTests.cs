using System.Text;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

public class RecordBatchTests
{
    [Fact]
    public void AddRecord_PastThePooledCapacity_KeepsEveryEntryAndItsBytesInOrder()
    {
        var batch = new RecordBatch();
        var count = PipelineDefaults.BatchRecords * 3;
        for (var i = 0; i < count; i++)
        {
            batch.AddRecord(Encoding.UTF8.GetBytes($"r{i}"), new RawRef("f", i + 1, null));
        }

        var items = batch.Items.ToArray();
        Assert.Equal(count, items.Length);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i + 1, items[i].RawRef!.Line);
            Assert.Equal($"r{i}", Encoding.UTF8.GetString(batch.Bytes(items[i])));
        }

        batch.Release();
    }

    [Fact]
    public void EnsureOutcomes_Growing_KeepsTheOutcomesSoFar()
    {
        var batch = new RecordBatch();
        var first = new RecordOutcome { RawRef = new RawRef("f", 1, null), Failure = "first" };
        batch.AddEvaluated("{}"u8, first.RawRef, first);
        var grown = batch.EnsureOutcomes(batch.Outcomes!.Length * 4);
        Assert.True(grown.Length >= PipelineDefaults.BatchRecords * 4);
        Assert.True(batch.TryGetOutcome(0, out var kept));
        Assert.Equal("first", kept.Failure);
        Assert.False(batch.TryGetOutcome(1, out _));
        batch.Release();
    }

    [Fact]
    public void Release_Twice_LeavesNoEntriesAndDoesNotThrow()
    {
        var batch = new RecordBatch();
        batch.AddFileStart();
        var rawRef = new RawRef("f", 1, null);
        batch.AddEvaluated("{}"u8, rawRef, new RecordOutcome { RawRef = rawRef });
        batch.Release();
        batch.Release();
        Assert.Equal(0, batch.Items.Length);
        Assert.Null(batch.Outcomes);
    }

    [Fact]
    public void Truncate_ToTheFileStart_DropsTheRecordsAndTheirOutcomes()
    {
        var batch = new RecordBatch();
        batch.AddFileStart();
        var rawRef = new RawRef("f", 1, null);
        batch.AddEvaluated("{\"a\":1}"u8, rawRef, new RecordOutcome { RawRef = rawRef });
        batch.Truncate(1);
        Assert.Equal(BatchItemKind.FileStart, Assert.Single(batch.Items.ToArray()).Kind);
        Assert.False(batch.TryGetOutcome(1, out _));
        Assert.False(batch.IsFull);
        batch.Release();
    }
}
