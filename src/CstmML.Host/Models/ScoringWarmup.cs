using System.Runtime;
using System.Text.Json;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Logging;
using CstmML.Host.Scoring;
using CstmML.Host.Store;
using CstmML.Host.Streaming;
using CstmML.Scoring;
using Microsoft.Extensions.Options;

namespace CstmML.Host.Models;

/// <summary>
/// Runs a newly loaded scorer over <see cref="WarmupSample"/> through the request paths (parse, sequence, score, answer
/// JSON; and the streaming path: stored form, sessions, score) before it serves, so the JIT has compiled and optimized
/// that code (tier 1) and ONNX Runtime has its buffers before the first request: otherwise the first seconds of traffic
/// queue behind compilation. Touches no state: the store and the tenants' sessions are not used. Rounds continue until
/// the JIT has been quiet for a while (nothing new compiled) or the budget is spent; a scorer that fails here is refused.
/// </summary>
internal sealed class ScoringWarmup(BodyReader reader, IOptions<ScoringHostOptions> options, TimeProvider time, ILogger<ScoringWarmup> log)
{
    /// <summary>Rounds before the JIT's quiet may end the warm-up (past its 30-call tier-up threshold); the budget ends it in any case.</summary>
    internal const int MinRounds = 40;

    /// <summary>Stop once this long passed without a newly compiled method (longer than the JIT's 100 ms tiering delay).</summary>
    internal static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>The last warm-up: rounds run, time taken, and whether it stopped because the JIT was quiet (else: budget spent).</summary>
    public (int Rounds, TimeSpan Elapsed, bool Quiet) Last { get; private set; }

    /// <summary>Warms <paramref name="scorer"/>; returns the rounds run (0 when disabled). Throws what the scorer throws.</summary>
    public int Run(ISequenceScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var o = options.Value;
        if (o.WarmupBudget <= TimeSpan.Zero)
        {
            return 0;
        }

        var start = time.GetTimestamp();
        var jitted = JitInfo.GetCompiledMethodCount();
        var lastJit = start;
        var sessions = new TenantSessions(o.StreamSequencer);
        using var sink = new MemoryStream();
        var rounds = 0;
        while (true)
        {
            Round(scorer, sessions, sink, rounds);
            rounds++;
            var now = time.GetTimestamp();
            var count = JitInfo.GetCompiledMethodCount();
            if (count != jitted)
            {
                jitted = count;
                lastJit = now;
            }

            var elapsed = time.GetElapsedTime(start, now);
            if (elapsed >= o.WarmupBudget || (rounds >= MinRounds && time.GetElapsedTime(lastJit, now) >= QuietPeriod))
            {
                Last = (rounds, elapsed, elapsed < o.WarmupBudget);
                Log.WarmedUp(log, rounds, (long)elapsed.TotalMilliseconds, Last.Quiet);
                return rounds;
            }
        }
    }

    // One request of each kind, as the endpoints run them (the answer is serialized to a scratch stream).
    private void Round(ISequenceScorer scorer, TenantSessions sessions, MemoryStream sink, int round)
    {
        var parsed = reader.Read(WarmupSample.Body(round));
        var results = scorer.Score(BatchSequencing.Build(parsed.Alerts, options.Value.BatchSequencer));
        sink.SetLength(0);
        using (var writer = new Utf8JsonWriter(sink))
        {
            JsonSerializer.Serialize(writer, new ScoreResponse { Model = scorer.Model, AlertCount = parsed.Alerts.Count, Results = results, Rejects = parsed.Rejects }, HostJsonContext.Default.ScoreResponse);
        }

        _ = EncodedAlerts.From(parsed.Alerts);
        var grown = sessions.Add(parsed.Alerts).Due;
        if (grown.Count > 0)
        {
            scorer.Score([.. grown.Select(s => s.Sequence)]);
        }
    }
}
