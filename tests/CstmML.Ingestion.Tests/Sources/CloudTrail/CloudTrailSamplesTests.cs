using System.IO.Compression;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Sources.CloudTrail;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Sources.CloudTrail;

public sealed class CloudTrailSamplesTests
{
    private static string Sample(string name) => RepoPath.Combine("training-data", "samples", "cloudtrail", name);

    private static List<NormalizeResult> NormalizeRecords(JsonElement records, string file)
    {
        var results = new List<NormalizeResult>();
        var i = 0;
        foreach (var r in records.EnumerateArray())
        {
            results.Add(CloudTrailSource.Instance.Normalize(r, new RawRef(file, 1, i++)));
        }

        return results;
    }

    [Fact]
    public void Samples_LogFileGzipAndJsonLines_AllNormalizeToTheSameAlerts()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Sample("stratus_detonations.json")));
        using var gz = new GZipStream(File.OpenRead(Sample("stratus_detonations.json.gz")), CompressionMode.Decompress);
        using var unzipped = JsonDocument.Parse(gz);
        var fromJson = NormalizeRecords(json.RootElement.GetProperty("Records"), "f");
        var fromGz = NormalizeRecords(unzipped.RootElement.GetProperty("Records"), "f");
        var fromLines = File.ReadLines(Sample("stratus_detonations.jsonl")).Select((line, i) =>
        {
            using var d = JsonDocument.Parse(line);
            return CloudTrailSource.Instance.Normalize(d.RootElement, new RawRef("f", 1, i));
        }).ToList();

        Assert.True(fromJson.Count >= 50);
        Assert.All(fromJson, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(fromJson.Select(r => AlertJson.Serialize(r.Alert!)), fromGz.Select(r => AlertJson.Serialize(r.Alert!)));
        Assert.Equal(fromJson.Select(r => AlertJson.Serialize(r.Alert!)), fromLines.Select(r => AlertJson.Serialize(r.Alert!)));
        Assert.True(fromJson.Count(r => r.Alert!.Techniques.Count > 0) > fromJson.Count / 2, "most detonation calls should map");
    }
}
