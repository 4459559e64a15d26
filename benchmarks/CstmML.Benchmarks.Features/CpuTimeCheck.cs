using System.Diagnostics;
using System.Globalization;
using CstmML.Features.Featurization;

namespace CstmML.Benchmarks.Features;

/// <summary>
/// A quick cross-check of the BenchmarkDotNet numbers on a busy shared machine: featurizes on one thread and divides
/// by the process's CPU time as well as by wall time, so time spent waiting for a core does not count.
/// </summary>
internal static class CpuTimeCheck
{
    public const string Flag = "--cpu-time";

    public static void Run()
    {
        foreach (var length in new[] { 1, 5, 20, 100 })
        {
            var sequences = RealisticSequences.Generate(seed: 42, count: 1000, length);
            var featurizer = new SequenceFeaturizer();
            var buffer = new float[featurizer.Dimension];
            float sink = 0;
            for (var warm = 0; warm < 20; warm++)
            {
                foreach (var s in sequences)
                {
                    featurizer.Featurize(s, buffer);
                }
            }

            const int Rounds = 100;
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (var r = 0; r < Rounds; r++)
            {
                foreach (var s in sequences)
                {
                    featurizer.Featurize(s, buffer);
                    sink += buffer[0];
                }
            }

            wall.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            var alerts = (double)Rounds * sequences.Length * length;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"length {length,3}: {alerts / cpu,12:N0} alerts per CPU-second, {alerts / wall.Elapsed.TotalSeconds,12:N0} alerts per wall-second ({sink:F0})"));
        }
    }
}
