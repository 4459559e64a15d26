using System.Diagnostics;
using System.Globalization;
using CstmML.Host.Configuration;
using CstmML.Host.Scoring;
using CstmML.Host.Store;
using CstmML.Host.Streaming;
using CstmML.Ingestion;
using CstmML.Scoring.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CstmML.Benchmarks.Host;

/// <summary>
/// Where a <c>/v1/alerts</c> batch's time goes with the real model, stage by stage on one thread, over the stream load's
/// batches (1,000 CloudTrail alerts over 500 principals): parse, durable store insert, session update, scoring of the
/// sessions to score. Wall time per stage summed over the run (one thread: wall ≈ CPU on an idle machine).
/// </summary>
internal static class AlertsProfile
{
    /// <param name="degree">Scoring threads, as the host's <see cref="ParallelScoring"/> uses them (1: on the calling thread only, chunked).</param>
    /// <param name="growth">The re-score policy's growth (<see cref="ScoringHostOptions.RescoreGrowth"/>); 0 re-scores every grown session.</param>
    public static void Run(string modelDir, int batches, int degree, double growth)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cstm-alerts-profile-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new ScoringHostOptions { StoreDirectory = dir };
            var reader = new BodyReader(SourceRegistry.Default, options.MaxAlertsPerRequest, options.MaxJsonDepth);
            using var engine = ScoringEngine.Load(modelDir);
            using var store = new AlertStore(Options.Create(options), NullLogger<AlertStore>.Instance);
            var sessions = new TenantSessions(options.StreamSequencer, growth);
            var probe = PlaybookProbe.For(engine)!;
            var (parse, insert, add, score, probing) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            long deferred = 0;
            var json = TimeSpan.Zero;
            var sequencerAlone = TimeSpan.Zero;
            var shadow = new CstmML.Features.Sequencing.Sequencer(options.StreamSequencer);
            long scored = 0, scoredAlerts = 0, alerts = 0;
            var runtime0 = RuntimeStats.Instance.Snapshot();
            for (var n = 0; n < batches; n++)
            {
                var body = Payloads.Lines($"w0-b{n}", 1000, 500, (long)n * 1000);
                var sw = Stopwatch.StartNew();
                var parsed = reader.Read(body);
                parse += sw.Elapsed;
                sw.Restart();
                foreach (var a in parsed.Alerts)
                {
                    System.Text.Json.JsonSerializer.Serialize(a, CstmML.Core.Serialization.CstmJsonContext.Default.NormalizedAlert);
                }

                json += sw.Elapsed;
                sw.Restart();
                foreach (var a in parsed.Alerts)
                {
                    _ = shadow.Add(a).Count;
                }

                sequencerAlone += sw.Elapsed;
                sw.Restart();
                var fresh = store.InsertAlerts("bench", parsed.Alerts);
                insert += sw.Elapsed;
                sw.Restart();
                var changes = sessions.Add(fresh);
                add += sw.Elapsed;
                sw.Restart();
                var toScore = changes.Due;
                foreach (var d in changes.Deferred)
                {
                    if (probe.NewlyCompleted(d))
                    {
                        toScore.Add(d.ToScored());
                    }
                    else
                    {
                        deferred++;
                    }
                }

                probing += sw.Elapsed;
                sw.Restart();
                var results = ParallelScoring.Score(engine, [.. toScore.Select(s => s.Sequence)], degree);
                for (var i = 0; i < results.Count; i++)
                {
                    sessions.Scored(toScore[i], results[i]);
                }

                score += sw.Elapsed;
                alerts += fresh.Count;
                scored += toScore.Count;
                scoredAlerts += toScore.Sum(s => s.Sequence.Alerts.Count);
            }

            string Per(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds / batches,8:F2} ms/batch");
            Console.WriteLine("  runtime: " + RuntimeStats.Instance.Snapshot().Since(runtime0, batches, "batch"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alerts profile: {batches} batches of 1000 alerts, 500 principals; {alerts} stored, {scored / (double)batches:F0} sessions scored per batch, {scoredAlerts / (double)Math.Max(1, scored):F1} alerts each, {deferred / (double)batches:F0} deferred per batch (re-score growth {growth})"));
            Console.WriteLine($"parse (BodyReader)                 {Per(parse)}");
            Console.WriteLine($"  alert JSON alone (not in total)  {Per(json)}");
            Console.WriteLine($"store (AlertStore.InsertAlerts)    {Per(insert)}");
            Console.WriteLine($"sessions (TenantSessions.Add)      {Per(add)}");
            Console.WriteLine($"  sequencer alone (not in total)   {Per(sequencerAlone)}");
            Console.WriteLine($"playbook probe of deferred sessions  {Per(probing)}");
            Console.WriteLine($"score (ParallelScoring, {degree} thread(s)) {Per(score)}");
            var total = parse + insert + add + probing + score;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total                              {Per(total)} = {alerts / total.TotalSeconds:F0} alerts/s on one thread"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
