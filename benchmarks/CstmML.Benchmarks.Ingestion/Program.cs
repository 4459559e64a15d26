using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using CstmML.Benchmarks.Ingestion;
using CstmML.Core.Serialization;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;

// Modes: generate (write a seeded CloudTrail file), map (end-to-end run for /usr/bin/time), or BenchmarkDotNet.
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
            // probe IN: time the stages separately (no output file).
            var sources = SourceRegistry.Default;
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                var pipeline = new AlertPipeline(sources, new PipelineOptions());
                long n = 0;
                foreach (var alert in pipeline.Run([args[1]]))
                {
                    n++;
                }

                var t1 = clock.Elapsed.TotalSeconds;
                clock.Restart();
                pipeline = new AlertPipeline(sources, new PipelineOptions());
                using (var writer = new JsonLinesWriter(Stream.Null))
                {
                    foreach (var alert in pipeline.Run([args[1]]))
                    {
                        writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
                    }
                }

                var t2 = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(c, $"pipeline {n / t1:N0}/s; with serialization {n / t2:N0}/s"));
            }

            return 0;
        }

    default:
        BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
        return 0;
}
