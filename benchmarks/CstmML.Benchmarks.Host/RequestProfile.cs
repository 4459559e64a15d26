using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CstmML.Features.Velocity;
using CstmML.Host.Configuration;
using CstmML.Host.Contracts;
using CstmML.Host.Scoring;
using CstmML.Ingestion;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Engine;

namespace CstmML.Benchmarks.Host;

/// <summary>
/// Where one <c>/v1/score</c> request's CPU goes with the real model: each stage of the host's request path runs alone
/// in a loop over the load run's 50-alert bodies (parse = AlertPipeline.RunStream via BodyReader, sequence =
/// BatchSequencing, score = ScoringEngine.Score and its parts, write = the source-generated JSON), timed by wall clock
/// and by the process's CPU time. One thread, so wall ≈ CPU on an idle machine; CPU includes GC and JIT threads.
/// </summary>
internal static class RequestProfile
{
    private const int Rounds = 5;

    public static void Run(string modelDir, int iterations)
    {
        var bodies = Enumerable.Range(0, 64).Select(i => Payloads.Lines($"s{i}", 50, 10, i * 1000L)).ToArray();
        var options = new ScoringHostOptions();
        var reader = new BodyReader(SourceRegistry.Default, options.MaxAlertsPerRequest, options.MaxJsonDepth);
        using var engine = ScoringEngine.Load(modelDir);
        var parsed = bodies.Select(b => reader.Read(b)).ToArray();
        var sequences = parsed.Select(p => BatchSequencing.Build(p.Alerts, options.BatchSequencer)).ToArray();
        var results = sequences.Select(s => engine.Score(s)).ToArray();
        var featurizer = new CstmML.Features.Featurization.SequenceFeaturizer();
        var kind = engine.LoadedModel.Baselines.Set.Tokens;
        var features = sequences.Select(b => b.Select(featurizer.Featurize).ToArray()).ToArray();
        var techniques = sequences.Select(b => b.Select(s => (IReadOnlyList<string>)[.. s.Techniques.Select(t => t.Value)]).ToArray()).ToArray();
        var inputs = sequences.Select((b, k) => b.Select((s, j) => new BaselineInput(BaselineKeys.RoleOf(s), BaselineKeys.CohortOf(s), SequenceTokens.Of(s, kind), features[k][j])).ToArray()).ToArray();
        using var sink = new MemoryStream();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"profile: {iterations} requests of 50 CloudTrail alerts, {sequences.Average(s => s.Count):F1} sequences each, model {engine.Model.Name} {engine.Model.Version}"));
        var stages = new (string Name, Action<int> Body)[]
        {
            ("parse (BodyReader: AlertPipeline.RunStream)", i => reader.Read(bodies[i % bodies.Length])),
            ("sequence (BatchSequencing.Build)", i => BatchSequencing.Build(parsed[i % parsed.Length].Alerts, options.BatchSequencer)),
            ("score (ScoringEngine.Score, total)", i => engine.Score(sequences[i % sequences.Length])),
            ("  featurize (SequenceFeaturizer)", i => featurizer.FeaturizeAll(sequences[i % sequences.Length])),
            ("  tokens (SequenceTokens.Of)", i => { foreach (var s in sequences[i % sequences.Length]) { SequenceTokens.Of(s, kind); } }),
            ("  actor (ActorScorer.Score, ONNX)", i => engine.LoadedModel.Actor.Score(features[i % features.Length], techniques[i % techniques.Length])),
            ("    of which ONNX run (ActorScorer.RawProbabilities)", i => engine.LoadedModel.Actor.RawProbabilities(features[i % features.Length])),
            ("  baselines (BaselineScorer.Score, Markov + KMeans ONNX)", i => engine.LoadedModel.Baselines.Score(inputs[i % inputs.Length])),
            ("  playbooks (PlaybookEngine.Match)", i => { foreach (var s in sequences[i % sequences.Length]) { engine.Playbooks.Match(s); } }),
            ("  velocity (VelocityProfile.From)", i => { foreach (var s in sequences[i % sequences.Length]) { VelocityProfile.From(s); } }),
            ("    (ONNX run of 4 requests' rows in one call, per request)", i => engine.LoadedModel.Actor.RawProbabilities([.. features[i % features.Length], .. features[(i + 1) % features.Length], .. features[(i + 2) % features.Length], .. features[(i + 3) % features.Length]])),
            ("write, Utf8JsonWriter on a buffer (fast path)", i =>
            {
                buffer.ResetWrittenCount();
                using var w = new Utf8JsonWriter(buffer);
                var k = i % results.Length;
                JsonSerializer.Serialize(w, new ScoreResponse { Model = engine.Model, AlertCount = parsed[k].Alerts.Count, Results = results[k], Rejects = parsed[k].Rejects }, HostJsonContext.Default.ScoreResponse);
            }),
            ("write to a PipeWriter as Ok<T> does (SerializeAsync)", i =>
            {
                sink.SetLength(0);
                var k = i % results.Length;
                var pipe = System.IO.Pipelines.PipeWriter.Create(sink, new System.IO.Pipelines.StreamPipeWriterOptions(leaveOpen: true));
                JsonSerializer.SerializeAsync(pipe, new ScoreResponse { Model = engine.Model, AlertCount = parsed[k].Alerts.Count, Results = results[k], Rejects = parsed[k].Rejects }, HostJsonContext.Default.ScoreResponse).GetAwaiter().GetResult();
                pipe.Complete();
            }),
            ("write to a PipeWriter as JsonBody does (fast path, 1 flush)", i =>
            {
                sink.SetLength(0);
                var k = i % results.Length;
                var pipe = System.IO.Pipelines.PipeWriter.Create(sink, new System.IO.Pipelines.StreamPipeWriterOptions(leaveOpen: true));
                using (var w = new Utf8JsonWriter(pipe))
                {
                    JsonSerializer.Serialize(w, new ScoreResponse { Model = engine.Model, AlertCount = parsed[k].Alerts.Count, Results = results[k], Rejects = parsed[k].Rejects }, HostJsonContext.Default.ScoreResponse);
                }

                pipe.FlushAsync().AsTask().GetAwaiter().GetResult();
                pipe.Complete();
            }),
            ("write (ScoreResponse JSON, source-generated)", i =>
            {
                sink.SetLength(0);
                var k = i % results.Length;
                JsonSerializer.Serialize(sink, new ScoreResponse { Model = engine.Model, AlertCount = parsed[k].Alerts.Count, Results = results[k], Rejects = parsed[k].Rejects }, HostJsonContext.Default.ScoreResponse);
            }),
        };

        var cpuOf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, body) in stages)
        {
            for (var i = 0; i < Math.Min(1000, iterations); i++)
            {
                body(i); // warm-up (tiered JIT)
            }

            Thread.Sleep(300); // lets the background tier-1 compilation land before timing

            var (wall, cpu) = TimeRoundsAsync(iterations, i =>
            {
                body(i);
                return Task.CompletedTask;
            }).GetAwaiter().GetResult();

            cpuOf[name] = cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} wall {wall,9:F0} us/request   cpu {cpu,9:F0} us/request"));
        }

        // The engine's explainer, risk fusion and result assembly are internal to it: what the parts above leave of the total.
        var parts = cpuOf.Where(kv => kv.Key.StartsWith("  ", StringComparison.Ordinal) && !kv.Key.StartsWith("    ", StringComparison.Ordinal)).Sum(kv => kv.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"  rest of score (explain, risk fusion, assemble)",-58} cpu {cpuOf[stages[2].Name] - parts,9:F0} us/request (total minus parts)"));
        var ctx = HostJsonContext.Default;
        Console.WriteLine($"fast path: ScoreResponse={ctx.ScoreResponse.SerializeHandler is not null} ScoringResult={ctx.ScoringResult.SerializeHandler is not null} AnomalyResult={ctx.AnomalyResult.SerializeHandler is not null} ActorResult={ctx.ActorResult.SerializeHandler is not null} Velocity={ctx.VelocityProfile.SerializeHandler is not null} Playbook={ctx.PlaybookDetection.SerializeHandler is not null} Risk={ctx.RiskResult.SerializeHandler is not null}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"response bytes: {sink.Length} (last body)"));
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }

    /// <summary>Sequential requests over HTTP (client in the same process): the whole path's CPU per request, beside a small authenticated GET as the HTTP floor.</summary>
    public static async Task HttpAsync(HostUnderTest host, string label, int iterations)
    {
        var bodies = Enumerable.Range(0, 64).Select(i => Payloads.Lines($"s{i}", 50, 10, i * 1000L)).ToArray();
        using var client = host.Client();
        await MeasureAsync($"HTTP POST /v1/score, {label} (client + host)", iterations, async i =>
        {
            using var content = new ByteArrayContent(bodies[i % bodies.Length]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("/v1/score", UriKind.Relative), content).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        await MeasureAsync($"HTTP GET /v1/models, {label} (HTTP + auth floor)", iterations, async i =>
        {
            using var response = await client.GetAsync(new Uri("/v1/models", UriKind.Relative)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static async Task MeasureAsync(string name, int iterations, Func<int, Task> one)
    {
        for (var i = 0; i < Math.Min(200, iterations); i++)
        {
            await one(i).ConfigureAwait(false);
        }

        var (wall, cpu) = await TimeRoundsAsync(iterations, one).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} wall {wall,9:F0} us/request   cpu {cpu,9:F0} us/request"));
    }

    // Five rounds, the median kept: robust to a round slowed by other processes, still counts GC work.
    private static async Task<(double Wall, double Cpu)> TimeRoundsAsync(int iterations, Func<int, Task> one)
    {
        var walls = new double[Rounds];
        var cpus = new double[Rounds];
        var round = Math.Max(1, iterations / Rounds);
        for (var r = 0; r < Rounds; r++)
        {
            var proc = Process.GetCurrentProcess();
            var cpu0 = proc.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < round; i++)
            {
                await one(i).ConfigureAwait(false);
            }

            sw.Stop();
            proc.Refresh();
            walls[r] = sw.Elapsed.TotalMicroseconds / round;
            cpus[r] = (proc.TotalProcessorTime - cpu0).TotalMicroseconds / round;
        }

        return (Median(walls), Median(cpus));
    }
}
