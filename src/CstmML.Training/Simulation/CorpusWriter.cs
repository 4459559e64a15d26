using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CstmML.Core.Hashing;
using CstmML.Training.Labels;

namespace CstmML.Training.Simulation;

/// <summary>Writes a <see cref="SimulatedCorpus"/> in the providers' native formats plus labels.csv and manifest.json.</summary>
internal static class CorpusWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static SimulationSummary Write(SimulatedCorpus corpus, string directory)
    {
        Directory.CreateDirectory(directory);
        ClearOwnedOutput(directory);
        foreach (var folder in CorpusLayout.Folders)
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }

        var cloudTrailFiles = WriteCloudTrail(corpus, directory);
        WritePerDay(corpus.Alerts.Where(a => a.Cloud == CloudKind.Aws), directory, CorpusLayout.GuardDutyFolder, "findings-{0}.jsonl", jsonLines: true, GuardDutyFinding.Write, null);
        WritePerDay(corpus.Alerts.Where(a => a.Cloud == CloudKind.Azure), directory, CorpusLayout.DefenderFolder, "SecurityAlert-{0}.json", jsonLines: false, DefenderAlertRow.Write, null);
        WritePerDay(corpus.Alerts.Where(a => a.Cloud == CloudKind.Gcp), directory, CorpusLayout.SccFolder, "findings-{0}.json", jsonLines: false, SccFindingResult.Write, "listFindingsResults");
        using (var writer = new StreamWriter(Path.Combine(directory, CorpusLayout.LabelsFile), append: false, Utf8NoBom))
        {
            LabelsFile.Write(writer, corpus.Labels);
        }

        var files = OwnedFiles(directory);
        var content = ContentHash(directory, files);
        var summary = new SimulationSummary
        {
            OutputDirectory = directory,
            Files = files.Count + 1,
            CloudTrailRecords = corpus.ApiCalls.Count,
            GuardDutyFindings = corpus.Alerts.Count(a => a.Cloud == CloudKind.Aws),
            DefenderAlerts = corpus.Alerts.Count(a => a.Cloud == CloudKind.Azure),
            SccFindings = corpus.Alerts.Count(a => a.Cloud == CloudKind.Gcp),
            BenignSessions = corpus.BenignSessions.Values.Sum(),
            LabelRows = corpus.Labels.Count,
            IncidentsPerActor = ActorCatalog.All.Select(a => new KeyValuePair<string, int>(a.Id, corpus.Incidents.Count(i => i.Actor.Id == a.Id))).ToList(),
            ContentSha256 = content,
        };
        ManifestWriter.Write(Path.Combine(directory, CorpusLayout.ManifestFile), corpus, summary, cloudTrailFiles);
        return summary;
    }

    /// <summary>Removes what a previous run wrote (only the generator's own folders and files).</summary>
    private static void ClearOwnedOutput(string directory)
    {
        foreach (var folder in CorpusLayout.Folders)
        {
            var path = Path.Combine(directory, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        File.Delete(Path.Combine(directory, CorpusLayout.LabelsFile));
        File.Delete(Path.Combine(directory, CorpusLayout.ManifestFile));
    }

    private static int WriteCloudTrail(SimulatedCorpus corpus, string directory)
    {
        var minutes = corpus.Options.CloudTrailFileMinutes;
        var groups = corpus.ApiCalls
            .GroupBy(c => (c.Identity.Account, c.Region, Bucket: c.Time.UtcTicks / TimeSpan.TicksPerMinute / minutes))
            .OrderBy(g => g.Key.Account, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Bucket);
        var count = 0;
        foreach (var group in groups)
        {
            var (account, region, bucket) = group.Key;
            var delivered = new DateTimeOffset((bucket + 1) * minutes * TimeSpan.TicksPerMinute, TimeSpan.Zero);
            var suffix = StableHash.Fnv1a64($"{account}/{region}/{bucket}").ToString("X16", CultureInfo.InvariantCulture);
            var folder = Path.Combine(directory, CorpusLayout.CloudTrailFolder, "AWSLogs", account, "CloudTrail", region,
                delivered.ToString("yyyy", CultureInfo.InvariantCulture), delivered.ToString("MM", CultureInfo.InvariantCulture), delivered.ToString("dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var name = $"{account}_CloudTrail_{region}_{delivered.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}_{suffix}.json.gz";
            using var file = File.Create(Path.Combine(folder, name));
            using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
            using var w = new Utf8JsonWriter(gzip, JsonOut.Compact);
            w.WriteStartObject();
            w.WriteStartArray("Records");
            foreach (var call in group)
            {
                CloudTrailRecord.Write(w, call);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            count++;
        }

        return count;
    }

    private static void WritePerDay(IEnumerable<SimAlert> alerts, string directory, string folder, string pattern, bool jsonLines, Action<Utf8JsonWriter, SimAlert> write, string? envelope)
    {
        foreach (var day in alerts.GroupBy(a => a.Time.UtcDateTime.Date).OrderBy(g => g.Key))
        {
            var path = Path.Combine(directory, folder);
            var name = string.Format(CultureInfo.InvariantCulture, pattern, day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            using var file = File.Create(Path.Combine(path, name));
            if (jsonLines)
            {
                foreach (var alert in day)
                {
                    using (var w = new Utf8JsonWriter(file, JsonOut.Compact))
                    {
                        write(w, alert);
                    }

                    file.WriteByte((byte)'\n');
                }

                continue;
            }

            using (var w = new Utf8JsonWriter(file, JsonOut.Indented))
            {
                if (envelope is not null)
                {
                    w.WriteStartObject();
                    w.WriteStartArray(envelope);
                }
                else
                {
                    w.WriteStartArray();
                }

                foreach (var alert in day)
                {
                    write(w, alert);
                }

                w.WriteEndArray();
                if (envelope is not null)
                {
                    w.WriteNumber("totalSize", day.Count());
                    w.WriteEndObject();
                }
            }

            file.WriteByte((byte)'\n');
        }
    }

    /// <summary>Every file the generator wrote, as sorted '/'-separated relative paths.</summary>
    internal static List<string> OwnedFiles(string directory)
    {
        var files = CorpusLayout.Folders
            .Select(f => Path.Combine(directory, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Append(Path.Combine(directory, CorpusLayout.LabelsFile))
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string ContentHash(string directory, List<string> files)
    {
        var lines = new StringBuilder();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(Path.Combine(directory, file));
            lines.Append(file).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }
}
