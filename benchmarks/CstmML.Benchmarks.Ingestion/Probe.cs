using System.Diagnostics;
using CstmML.Core.Serialization;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Benchmarks.Ingestion;

/// <summary>One timed in-process pass of the map pipeline over a file (output to Stream.Null).</summary>
internal static class Probe
{
    /// <summary>Records, wall and CPU seconds, and bytes allocated (all threads) per record.</summary>
    public static (long Records, double WallSeconds, double CpuSeconds, double BytesPerRecord) Run(string path, bool fastPaths, bool write, int parallelism = 1)
    {
        var process = Process.GetCurrentProcess();
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var pipeline = new AlertPipeline(SourceRegistry.Default, new PipelineOptions { FastPaths = fastPaths, Parallelism = parallelism });
        long n = 0;
        using (var writer = new JsonLinesWriter(Stream.Null))
        {
            foreach (var alert in pipeline.Run([path]))
            {
                if (write)
                {
                    writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
                }

                n++;
            }
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        return (n, wall, cpu, (double)allocated / Math.Max(1, n));
    }
}
