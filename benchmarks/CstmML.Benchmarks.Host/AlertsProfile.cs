using System.Diagnostics;
using System.Globalization;
using CstmML.Core.Serialization;
using CstmML.Features.Sequencing;
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
/// batches (1,000 CloudTrail alerts over 500 principals): parse, durable store insert, session update, playbook probe
/// of the sessions the re-score policy defers, scoring of the sessions to score. Wall time and bytes allocated per stage
/// summed over the run (one thread: wall ≈ CPU on an idle machine).
/// </summary>
internal static class AlertsProfile
{
    private static readonly string[] Names =
    [
        "parse (BodyReader)",
        "  alert JSON alone (in store)",
        "  sequencer alone (in sessions)",
        "store (AlertStore.InsertAlerts)",
        "sessions (TenantSessions.Add)",
        "playbook probe of deferred",
        "score (ParallelScoring)",
    ];

    /// <param name="degree">Scoring threads, as the host's <see cref="ParallelScoring"/> uses them (1: on the calling thread only, chunked).</param>
    /// <param name="growth">The re-score policy's growth (<see cref="ScoringHostOptions.RescoreGrowth"/>); 0 re-scores every grown session.</param>
    /// <param name="interleaved">Batches in groups of four in reverse time order, as four concurrent clients of the load run may deliver them (alerts of a session then arrive late, inside it).</param>
    public static void Run(string modelDir, int batches, int degree, double growth, bool interleaved)
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
            var shadow = new Sequencer(options.StreamSequencer);
            var time = new TimeSpan[Names.Length];
            var bytes = new long[Names.Length];
            long scored = 0, scoredAlerts = 0, alerts = 0, deferred = 0, triggering = 0;
            var runtime0 = RuntimeStats.Instance.Snapshot();
            for (var n = 0; n < batches; n++)
            {
                var k = interleaved && (n / 4 * 4) + 4 <= batches ? (n / 4 * 4) + 3 - (n % 4) : n;
                var body = Payloads.Lines($"w0-b{k}", 1000, 500, (long)k * 1000);
                var parsed = Measure(0, () => reader.Read(body));
                Measure(1, () => parsed.Alerts.Select(a => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(a, CstmJsonContext.Default.NormalizedAlert).Length).Sum());
                Measure(2, () => parsed.Alerts.Sum(a => shadow.Add(a).Count));
                var fresh = Measure(3, () => store.InsertAlerts("bench", parsed.Alerts));
                var changes = Measure(4, () => sessions.Add(fresh));
                var toScore = Measure(5, () =>
                {
                    var list = changes.Due;
                    foreach (var d in changes.Deferred)
                    {
                        if (probe.NewlyCompleted(d))
                        {
                            list.Add(d.ToScored());
                        }
                    }

                    return list;
                });
                Measure(6, () =>
                {
                    var results = ParallelScoring.Score(engine, [.. toScore.Select(s => s.Sequence)], degree);
                    for (var i = 0; i < results.Count; i++)
                    {
                        sessions.Scored(toScore[i], results[i]);
                        triggering += results[i].Risk.Score >= options.RiskThreshold || results[i].Playbooks.Any(p => p.Complete) ? 1 : 0;
                    }

                    return results.Count;
                });
                alerts += fresh.Count;
                scored += toScore.Count;
                deferred += changes.Deferred.Count - (toScore.Count - changes.Due.Count);
                scoredAlerts += toScore.Sum(s => s.Sequence.Alerts.Count);
            }

            Console.WriteLine("  runtime: " + RuntimeStats.Instance.Snapshot().Since(runtime0, batches, "batch"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alerts profile: {batches} batches of 1000 alerts, 500 principals; {alerts} stored, {scored / (double)batches:F0} sessions scored per batch ({degree} thread(s)), {scoredAlerts / (double)Math.Max(1, scored):F1} alerts each, {deferred / (double)batches:F0} deferred per batch (re-score growth {growth}, {(interleaved ? "interleaved" : "in order")}); {triggering / (double)batches:F1} results per batch at or above the risk threshold or with a complete playbook"));
            for (var s = 0; s < Names.Length; s++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Names[s],-36}{time[s].TotalMilliseconds / batches,8:F2} ms/batch {bytes[s] / 1024.0 / batches,9:F0} KB/batch"));
            }

            var total = time[0] + time[3] + time[4] + time[5] + time[6];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-36}{total.TotalMilliseconds / batches,8:F2} ms/batch {(bytes[0] + bytes[3] + bytes[4] + bytes[5] + bytes[6]) / 1024.0 / batches,9:F0} KB/batch = {alerts / total.TotalSeconds:F0} alerts/s on one thread"));

            T Measure<T>(int stage, Func<T> work)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                var result = work();
                time[stage] += sw.Elapsed;
                bytes[stage] += GC.GetAllocatedBytesForCurrentThread() - before;
                return result;
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
