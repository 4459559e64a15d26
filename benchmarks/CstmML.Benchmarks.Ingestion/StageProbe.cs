using System.Diagnostics;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Sources.CloudTrail;

namespace CstmML.Benchmarks.Ingestion;

/// <summary>Where the time of one record goes: the reader alone, then the CloudTrail fast read, the alert, serialization.</summary>
internal static class StageProbe
{
    public static void Run(string path, TextWriter output)
    {
        Time(output, "read (record boundaries only)", path, (_, _) => { });
        var cache = new Utf8StringCache();
        Time(output, "read + CloudTrail fast read", path, (raw, rawRef) => CloudTrailUtf8Reader.TryRead(raw, cache, out var unused));
        Time(output, "read + fast read + alert", path, (raw, rawRef) =>
        {
            if (CloudTrailUtf8Reader.TryRead(raw, cache, out var v))
            {
                _ = CloudTrailSource.Instance.Build(v, rawRef);
            }
        });
        using var writer = new JsonLinesWriter(Stream.Null);
        Time(output, "read + fast read + alert + serialize", path, (raw, rawRef) =>
        {
            if (CloudTrailUtf8Reader.TryRead(raw, cache, out var v))
            {
                writer.Write(CloudTrailSource.Instance.Build(v, rawRef), CstmJsonContext.Default.NormalizedAlert);
            }
        });
    }

    private delegate void Stage(ReadOnlySpan<byte> raw, RawRef rawRef);

    private static void Time(TextWriter output, string what, string path, Stage stage)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long n = 0;
        using (var stream = File.OpenRead(path))
        using (var reader = new JsonRecordReader(stream, path, new ReaderOptions(), _ => { }))
        {
            while (reader.TryReadRaw(out var raw, out var rawRef))
            {
                stage(raw, rawRef);
                n++;
            }
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        output.WriteLine(FormattableString.Invariant($"{what,-40} {n} records: {clock.Elapsed.TotalSeconds * 1e6 / n,6:0.00} us wall, {cpu * 1e6 / n,6:0.00} us CPU per record"));
    }
}
