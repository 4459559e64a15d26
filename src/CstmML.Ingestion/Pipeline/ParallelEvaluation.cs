using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Ordered parallel evaluation (<see cref="PipelineOptions.Parallelism"/> &gt; 1): one thread reads the inputs into
/// <see cref="RecordBatch"/>es, N workers evaluate them (detect + normalize, each with its own
/// <see cref="RecordProcessor"/>), and the caller receives them in input order to count and de-duplicate. At most
/// <c>N x </c><see cref="PipelineDefaults.BatchesInFlightPerWorker"/> batches are in flight, so memory is bounded.
/// </summary>
internal static class ParallelEvaluation
{
    /// <summary>The batches of <paramref name="batches"/>, evaluated, in their order. Stopping the enumeration stops the threads.</summary>
    public static IEnumerable<RecordBatch> Run(IEnumerable<RecordBatch> batches, int workers, Func<RecordProcessor> newProcessor, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;
        using var work = new BlockingCollection<RecordBatch>(workers * 2);
        using var order = new BlockingCollection<RecordBatch>(workers * PipelineDefaults.BatchesInFlightPerWorker);
        var threads = new List<Thread> { new(() => Read(batches, work, order, token)) { IsBackground = true, Name = "cstm-ingest-reader" } };
        for (var i = 0; i < workers; i++)
        {
            var processor = newProcessor();
            threads.Add(new Thread(() => Work(work, processor, token)) { IsBackground = true, Name = "cstm-ingest-worker" });
        }

        threads.ForEach(t => t.Start());
        try
        {
            foreach (var batch in order.GetConsumingEnumerable(token))
            {
                batch.Failure?.Throw();
                batch.Done!.Task.Wait(token);
                yield return batch;
            }

            // The reading thread stops quietly when cancelled; the caller must still see the cancellation.
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            // Also reached when the caller stops early: unblock and end every thread before disposing the queues.
            cts.Cancel();
            threads.ForEach(t => t.Join());
        }
    }

    /// <summary>Evaluates the Record entries of <paramref name="batch"/> in order, the first with no preferred source.</summary>
    public static void Evaluate(RecordBatch batch, RecordProcessor processor)
    {
        if (batch.Deferred is not null)
        {
            try
            {
                batch.Fallback = !BatchSource.Expand(batch, processor);
            }
            catch (Exception)
            {
                // Never fatal here: the consumer reads the file itself, so anything unexpected surfaces as in a sequential run.
                batch.Truncate(1);
                batch.Fallback = true;
            }
        }

        if (batch.Chunk is { } chunk)
        {
            try
            {
                batch.ChunkClean = BatchSource.ExpandChunk(batch, processor);
            }
            catch (Exception)
            {
                // Not clean: the file is read again from this piece's start the usual way, which surfaces it in order.
                batch.Truncate(0);
                batch.ChunkClean = false;
            }
            finally
            {
                chunk.Release();
            }
        }

        // Records a line taker evaluated while reading keep their outcomes (the consumer checks them like any other).
        var count = batch.Items.Length;
        var outcomes = batch.EnsureOutcomes(count);
        IAlertSource? last = null;
        for (var i = 0; i < count; i++)
        {
            var item = batch.Items[i];
            if (item.Kind == BatchItemKind.FileStart)
            {
                last = null;
            }
            else if (item.Kind == BatchItemKind.Taken)
            {
                last = item.Source;
            }
            else if (item.Kind == BatchItemKind.Record && outcomes[i].RawRef is not null)
            {
                last = outcomes[i].Source ?? last;
            }
            else if (item.Kind == BatchItemKind.Record)
            {
                try
                {
                    outcomes[i] = processor.Evaluate(batch.Bytes(item), item.RawRef!, last);
                }
                catch (Exception)
                {
                    // Left unevaluated: the consumer evaluates this entry and the rest itself, in order, so an
                    // unexpected exception surfaces exactly where a sequential run would raise it.
                    break;
                }

                last = outcomes[i].Source ?? last;
            }
        }
    }

    private static void Read(IEnumerable<RecordBatch> batches, BlockingCollection<RecordBatch> work, BlockingCollection<RecordBatch> order, CancellationToken token)
    {
        try
        {
            foreach (var batch in batches)
            {
                batch.Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                order.Add(batch, token);
                work.Add(batch, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The consumer stopped or the run was cancelled.
        }
        catch (Exception ex)
        {
            // Surfaces on the consumer after every batch read before it, as a sequential run would raise it.
            var failed = new RecordBatch { Failure = ExceptionDispatchInfo.Capture(ex) };
            failed.Release();
            TryAdd(order, failed, token);
        }
        finally
        {
            work.CompleteAdding();
            order.CompleteAdding();
        }
    }

    private static void Work(BlockingCollection<RecordBatch> work, RecordProcessor processor, CancellationToken token)
    {
        try
        {
            foreach (var batch in work.GetConsumingEnumerable(token))
            {
                try
                {
                    Evaluate(batch, processor);
                }
                finally
                {
                    batch.Done!.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The consumer stopped or the run was cancelled.
        }
    }

    private static void TryAdd(BlockingCollection<RecordBatch> order, RecordBatch batch, CancellationToken token)
    {
        try
        {
            order.Add(batch, token);
        }
        catch (OperationCanceledException)
        {
            // Nobody is listening any more.
        }
    }
}
