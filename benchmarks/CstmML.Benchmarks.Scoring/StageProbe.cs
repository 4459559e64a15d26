using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using CstmML.Features.Featurization;
using CstmML.Features.Sequencing;
using CstmML.Features.Velocity;
using CstmML.Scoring.Baselines;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;

namespace CstmML.Benchmarks.Scoring;

/// <summary>
/// <c>probe [INPUT] [MODEL] [ROUNDS] [STAGE]</c>: splits the scorer's CPU time (process CPU, so usable on a loaded machine) by stage on real sequences (featurize, actor,
/// baselines, anomaly explanation, playbooks, velocity, the whole <see cref="ScoringEngine.Score"/>), in batches of 256
/// like <c>cstm score</c>. Quick to run while optimising; BenchmarkDotNet gives the recorded figures.
/// </summary>
internal static class StageProbe
{
    public const string Flag = "probe";
    private const int Batch = 256;
    private static readonly ArrayBufferWriter<byte> ContractBuffer = new(1 << 14);
    private static readonly Utf8JsonWriter ContractWriter = new(ContractBuffer);

    public static void Run(string[] args)
    {
        var root = ScoringInputs.RepoRoot();
        var input = args.Length > 0 ? args[0] : Path.Combine(root, "training-data", "corpus");
        var model = args.Length > 1 ? args[1] : Path.Combine(root, "models", "default");
        var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        // Optional STAGE: time only the stages whose name contains it (for a focused perf record); "score" runs
        // ScoringEngine.Score alone.
        var only = args.Length > 3 ? args[3] : null;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var sequences = ScoringInputs.Load(input);
        var alerts = sequences.Sum(s => s.Alerts.Count);
        // What one live alert costs the heap: the sequencer holds every alert of an open session like this.
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{sequences.Count:N0} sequences, {alerts:N0} alerts from {input}; {(heapAfter - heapBefore) / (double)alerts:F0} live heap bytes per alert held in sequences");
        using var engine = ScoringEngine.Load(model);
        var featurizer = new SequenceFeaturizer();
        var batches = sequences.Chunk(Batch).ToArray();
        var kind = engine.LoadedModel.Baselines.Set.Tokens;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            var t = new Dictionary<string, double>();
            var allocated = new Dictionary<string, long>();
            void Time(string stage, Action a)
            {
                if (only is not null && !stage.Contains(only, StringComparison.Ordinal) && stage is not ("featurize" or "tokens"))
                {
                    return; // the later stages' inputs are always made
                }

                // Process CPU time, not wall time: the figures stay usable on a shared, loaded machine.
                var before = process.TotalProcessorTime;
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                a();
                allocated[stage] = allocated.GetValueOrDefault(stage) + GC.GetAllocatedBytesForCurrentThread() - bytes;
                process.Refresh();
                t[stage] = t.GetValueOrDefault(stage) + (process.TotalProcessorTime - before).TotalMilliseconds;
            }

            var ordered = sequences.SelectMany(s => s.Alerts).OrderBy(a => a.Time).ToArray();
            // Split in two: adding (packing, closing by event time) and the end-of-input flush (unpacking, building).
            var sequencer = new Sequencer(new SequencerOptions { Lateness = TimeSpan.FromDays(1) });
            Time("sequencer add", () =>
            {
                foreach (var a in ordered)
                {
                    sequencer.Add(a);
                }
            });
            Time("sequencer flush", () => sequencer.Flush());
            foreach (var b in batches)
            {
                float[][] features = [];
                IReadOnlyList<string>[] tokens = [];
                if (only is not null && only.StartsWith("score", StringComparison.Ordinal))
                {
                    // The whole scorer alone (its own featurizing included): a clean profile of what cstm score runs.
                    Time("score (all)", () => engine.Score(b));
                    continue;
                }

                Time("featurize", () => features = b.Select(featurizer.Featurize).ToArray());
                Time("tokens", () => tokens = b.Select(s => SequenceTokens.Of(s, kind)).ToArray());
                var techniques = b.Select(s => (IReadOnlyList<string>)s.Techniques.Select(x => x.Value).ToArray()).ToArray();
                Time("actor onnx", () => engine.LoadedModel.Actor.RawProbabilities(features));
                Time("actor", () => engine.LoadedModel.Actor.Score(features, techniques));
                var inputs = b.Select((s, i) => new BaselineInput(BaselineKeys.RoleOf(s), BaselineKeys.CohortOf(s), tokens[i], features[i])).ToArray();
                Time("baselines", () => engine.LoadedModel.Baselines.Score(inputs));
                Time("playbooks", () => Array.ForEach(b, s => engine.Playbooks.Match(s)));
                Time("velocity", () => Array.ForEach(b, s => VelocityProfile.From(s)));
                Time("score (all)", () => engine.Score(b));
                if (only is null || only.StartsWith("json", StringComparison.Ordinal))
                {
                    var results = engine.Score(b);
                    Time("json (contract)", () => Array.ForEach([.. results], r => ContractLine(r)));
                    Time("json (writer)", () => Array.ForEach([.. results], r => ScoringResultJsonWriter.ToJsonLine(r)));
                }
            }

            Console.WriteLine($"round {round + 1}:");
            foreach (var (stage, ms) in t)
            {
                Console.WriteLine($"  {stage,-15} {ms,9:F1} ms  {1000 * ms / sequences.Count,8:F1} us/sequence  {1e6 * ms / alerts,8:F2} ns/alert -> {alerts / (ms / 1000):N0} alerts/s, {allocated[stage] / (double)alerts,7:F0} B/alert allocated");
            }
        }
    }

    // What `cstm score` did before the hand-written writer: the source-generated serializer on a reused writer.
    private static byte[] ContractLine(ScoringResult result)
    {
        ContractBuffer.ResetWrittenCount();
        ContractWriter.Reset(ContractBuffer);
        JsonSerializer.Serialize(ContractWriter, result, ScoringResultJsonContext.Default.ScoringResult);
        ContractWriter.Flush();
        ContractBuffer.Write("\n"u8);
        return ContractBuffer.WrittenSpan.ToArray();
    }
}
