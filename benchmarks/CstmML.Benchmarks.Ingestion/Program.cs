using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using CstmML.Benchmarks.Ingestion;
using CstmML.Core.Serialization;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;

// Modes: generate (write a seeded CloudTrail file), map (end-to-end run for /usr/bin/time), probe, stages, normalized
// (in-process CPU per record), or BenchmarkDotNet.
var c = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "generate":
        {
            // generate OUT RECORDS [records|jsonl] [SEED]
            var path = args[1];
            var count = int.Parse(args[2], c);
            var jsonLines = args.Length > 3 && args[3] == "jsonl";
            var seed = args.Length > 4 ? int.Parse(args[4], c) : 1;
            using (var file = File.Create(path))
            {
                CloudTrailGenerator.Write(new BufferedStream(file, 1 << 16), count, seed, jsonLines);
            }

            Console.WriteLine($"wrote {count} records to {path}: {CloudTrailGenerator.Size(new FileInfo(path).Length)}");
            return 0;
        }

    case "map":
        {
            // map IN OUT: the cstm map pipeline with every built-in source (auto-detection included).
            var sources = SourceRegistry.Default;
            var rejects = 0L;
            var pipeline = new AlertPipeline(sources, new PipelineOptions(), _ => rejects++);
            var clock = Stopwatch.StartNew();
            using (var writer = new JsonLinesWriter(new BufferedStream(File.Create(args[2]), 1 << 16)))
            {
                foreach (var alert in pipeline.Run([args[1]]))
                {
                    writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var n = pipeline.Counters.Normalized;
            Console.WriteLine(string.Create(c, $"normalized {n} (rejected {rejects}) in {seconds:0.00} s: {n / seconds:N0} records/s"));
            return 0;
        }

    case "probe":
        {
            // probe IN [ROUNDS] [THREADS]: warm in-process rounds, the fast paths on and off, without and with serialization.
            // Rates per wall second and per CPU second of the whole process (fairer on a loaded machine).
            var rounds = args.Length > 2 ? int.Parse(args[2], c) : 3;
            var threads = args.Length > 3 ? int.Parse(args[3], c) : 1;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var fast in new[] { true, false })
                {
                    foreach (var write in new[] { false, true })
                    {
                        var (n, wall, cpu, bytes) = Probe.Run(args[1], fast, write, threads);
                        Console.WriteLine(string.Create(c,
                            $"round {round} fast={fast,-5} write={write,-5} {n} records: {n / wall,9:N0}/s wall, {n / cpu,9:N0}/s per CPU-second, {bytes,6:N0} B allocated per record"));
                    }
                }
            }

            return 0;
        }

    case "stages":
        {
            // stages IN [ROUNDS]: the cost per record of each stage of the CloudTrail fast path.
            var rounds = args.Length > 2 ? int.Parse(args[2], c) : 2;
            for (var round = 0; round < rounds; round++)
            {
                StageProbe.Run(args[1], Console.Out);
            }

            return 0;
        }

    case "normalized":
        {
            // normalized IN [LINES] [ROUNDS] [both|on|off]: the CPU of reading one normalized line, byte scanner off and on.
            var lines = args.Length > 2 ? int.Parse(args[2], c) : 200_000;
            var rounds = args.Length > 3 ? int.Parse(args[3], c) : 3;
            bool[] modes = (args.Length > 4 ? args[4] : "both") switch { "on" => [true], "off" => [false], _ => [false, true] };
            NormalizedProbe.Run(args[1], lines, rounds, modes, Console.Out);
            return 0;
        }

    default:
        BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
        return 0;
}
