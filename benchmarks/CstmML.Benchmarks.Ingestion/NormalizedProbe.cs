using System.Diagnostics;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Sources.Normalized;

namespace CstmML.Benchmarks.Ingestion;

/// <summary>
/// The CPU of reading one normalized line (<c>cstm map</c> output) alone: the lines held in memory, read by
/// <see cref="NormalizedUtf8Reader.TryReadLine"/> with the byte scanner off (the Utf8JsonReader pass) and on.
/// </summary>
internal static class NormalizedProbe
{
    public static void Run(string path, int maxLines, int rounds, bool[] modes, TextWriter output)
    {
        var lines = Load(path, maxLines);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var scanner in modes)
            {
                // A fresh reader per pass (cold caches as in a run); a first pass warms the JIT.
                Time(lines, scanner);
                var (cpu, wall, scanned, read) = Time(lines, scanner);
                output.WriteLine(FormattableString.Invariant(
                    $"round {round} scanner={scanner,-5} {lines.Count} lines: {cpu * 1e6 / lines.Count,5:0.000} us CPU, {wall * 1e6 / lines.Count,5:0.000} us wall per line; read {read}, scanned {scanned}"));
            }
        }
    }

    private static (double Cpu, double Wall, long Scanned, long Read) Time(List<byte[]> lines, bool scanner)
    {
        var reader = new NormalizedUtf8Reader(new Utf8StringCache()) { ScannerEnabled = scanner };
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long read = 0;
        foreach (var line in lines)
        {
            if (reader.TryReadLine(line) is not null)
            {
                read++;
            }
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return ((process.TotalProcessorTime - cpu0).TotalSeconds, wall, reader.Scanned, read);
    }

    private static List<byte[]> Load(string path, int maxLines)
    {
        var lines = new List<byte[]>();
        using var file = new StreamReader(path);
        while (lines.Count < maxLines && file.ReadLine() is { } line)
        {
            lines.Add(System.Text.Encoding.UTF8.GetBytes(line));
        }

        return lines;
    }
}
