using System.Threading.Channels;
using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Features.Sequencing;
using CstmML.Scoring;
using CstmML.Scoring.Results;

namespace CstmML.Cli.Commands;

/// <summary>
/// The streaming core of <c>cstm score</c>: alerts are sequenced on the calling thread; closed sessions are cut into
/// batches of <see cref="BatchSize"/> in emission order and scored by N workers through a bounded channel; results are
/// handed to the sink batch by batch in emission order. Each result is also prepared on its worker (the CLI serializes
/// it there, so writing is not single-threaded). Batch composition never depends on the worker count, so the output is
/// identical single- or multi-threaded. Memory: the sequencer's open sessions (its lateness of event time)
/// plus at most <c>2 × workers</c> batches in flight.
/// </summary>
internal sealed class ScorePipeline(ISequenceScorer scorer, SequencerOptions sequencing, int workers, ScoringContext? context = null, int batchSize = ScorePipeline.BatchSize)
{
    /// <summary>Sequences per scoring batch (one ONNX run each).</summary>
    /// <remarks>
    /// Small on purpose: a batch's sequences hold their unpacked alerts until it is scored, and with 256 a batch filled
    /// slowly enough to outlive several collections, so its alerts were promoted and died in generation 2 (on 3 M
    /// normalized alerts: 10 MB promoted per ephemeral collection against 2 MB with 32, and more full collections;
    /// docs/performance/scoring.md). Results do not depend on it (tested).
    /// </remarks>
    public const int BatchSize = 32;

    /// <summary>Sequences emitted by the sequencer (first emissions and revisions).</summary>
    public long Sequences { get; private set; }

    /// <summary>Sequences re-emitted because a late alert re-opened them (they supersede earlier results).</summary>
    public long Revised { get; private set; }

    /// <summary>Alerts outside [since, until) that were skipped.</summary>
    public long OutOfRange { get; private set; }

    /// <summary>The sequencer's counters at the end.</summary>
    public SequencerStats? SequencerStats { get; private set; }

    /// <summary>Sequences, scores and hands every result to <paramref name="sink"/> in a deterministic order.</summary>
    public void Run(IEnumerable<NormalizedAlert> alerts, Action<ScoringResult> sink, DateTimeOffset? since = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Run<object?>(alerts, static _ => null, (r, _) => sink(r), since, until, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="Run(IEnumerable{NormalizedAlert}, Action{ScoringResult}, DateTimeOffset?, DateTimeOffset?, CancellationToken)"/>,
    /// with <paramref name="prepare"/> run on the scoring workers (in parallel, any order) and its output passed with
    /// each result to <paramref name="sink"/> (in order).
    /// </summary>
    public void Run<T>(IEnumerable<NormalizedAlert> alerts, Func<ScoringResult, T> prepare, Action<ScoringResult, T> sink, DateTimeOffset? since = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(sink);
        var n = Math.Max(1, workers);
        var work = Channel.CreateBounded<(AlertSequence[] Batch, TaskCompletionSource<(ScoringResult, T)[]> Done)>(new BoundedChannelOptions(n * 2) { SingleWriter = true });
        var order = Channel.CreateBounded<Task<(ScoringResult, T)[]>>(new BoundedChannelOptions(n * 2) { SingleWriter = true, SingleReader = true });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancel.Token;
        var scorers = Enumerable.Range(0, n).Select(_ => Task.Run(() => Work(work.Reader, prepare, token), token)).ToArray();
        var writer = Task.Run(
            async () =>
            {
                try
                {
                    await Write(order.Reader, sink, token).ConfigureAwait(false);
                }
                catch
                {
                    // Stops the producer and the workers; Run rethrows this failure, not their cancellation.
                    await cancel.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            CancellationToken.None);
        var sequencer = new Sequencer(sequencing);
        var pending = new List<AlertSequence>(batchSize);
        try
        {
            foreach (var alert in alerts)
            {
                if ((since is { } s && alert.Time < s) || (until is { } u && alert.Time >= u))
                {
                    OutOfRange++;
                    continue;
                }

                Collect(sequencer.Add(alert), pending, work.Writer, order.Writer, writer, token);
            }

            Collect(sequencer.FlushInOrder(), pending, work.Writer, order.Writer, writer, token);
            if (pending.Count > 0)
            {
                Post(pending, work.Writer, order.Writer, writer, token);
            }
        }
        catch (OperationCanceledException) when (writer.IsFaulted || (writer.IsCompleted && !cancellationToken.IsCancellationRequested))
        {
            writer.GetAwaiter().GetResult();
            throw;
        }
        catch
        {
            cancel.Cancel();
            throw;
        }
        finally
        {
            work.Writer.TryComplete();
            order.Writer.TryComplete();
        }

        SequencerStats = sequencer.Stats;
        Task.WaitAll(scorers, CancellationToken.None);
        writer.GetAwaiter().GetResult();
    }

    private void Collect<T>(IEnumerable<SequenceUpdate> updates, List<AlertSequence> pending, ChannelWriter<(AlertSequence[], TaskCompletionSource<(ScoringResult, T)[]>)> work, ChannelWriter<Task<(ScoringResult, T)[]>> order, Task writer, CancellationToken token)
    {
        foreach (var u in updates)
        {
            Sequences++;
            if (u.Kind == SequenceUpdateKind.Revised)
            {
                Revised++;
            }

            pending.Add(u.Sequence);
            if (pending.Count == batchSize)
            {
                Post(pending, work, order, writer, token);
            }
        }
    }

    private static void Post<T>(List<AlertSequence> pending, ChannelWriter<(AlertSequence[], TaskCompletionSource<(ScoringResult, T)[]>)> work, ChannelWriter<Task<(ScoringResult, T)[]>> order, Task writer, CancellationToken token)
    {
        var done = new TaskCompletionSource<(ScoringResult, T)[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var batch = pending.ToArray();
        pending.Clear();
        // Blocking writes are the back-pressure that bounds memory; a failed writer surfaces here instead of a hang.
        if (writer.IsFaulted)
        {
            writer.GetAwaiter().GetResult();
        }

        order.WriteAsync(done.Task, token).AsTask().GetAwaiter().GetResult();
        work.WriteAsync((batch, done), token).AsTask().GetAwaiter().GetResult();
    }

    private async Task Work<T>(ChannelReader<(AlertSequence[] Batch, TaskCompletionSource<(ScoringResult, T)[]> Done)> reader, Func<ScoringResult, T> prepare, CancellationToken token)
    {
        await foreach (var (batch, done) in reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            try
            {
                var results = scorer.Score(batch, context, token);
                var prepared = new (ScoringResult, T)[results.Count];
                for (var i = 0; i < prepared.Length; i++)
                {
                    prepared[i] = (results[i], prepare(results[i]));
                }

                done.SetResult(prepared);
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }
    }

    private static async Task Write<T>(ChannelReader<Task<(ScoringResult, T)[]>> reader, Action<ScoringResult, T> sink, CancellationToken token)
    {
        await foreach (var next in reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            foreach (var (r, p) in await next.ConfigureAwait(false))
            {
                sink(r, p);
            }
        }
    }
}
