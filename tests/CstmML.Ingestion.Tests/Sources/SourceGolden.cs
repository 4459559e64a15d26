using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CstmML.Core.Alerts;

namespace CstmML.Ingestion.Tests.Sources;

/// <summary>
/// Golden-file support for the Defender, SCC and Prisma sources: each <c>Fixtures/{case}.json</c> is normalized and
/// compared with <c>{case}.expected.json</c> (the alert in snake_case, or the rejection). Set
/// <c>CSTM_UPDATE_GOLDEN=1</c> to rewrite the expected files, then review every field by hand before committing.
/// </summary>
public static class SourceGolden
{
    /// <summary>snake_case, nulls left out, stable indentation.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The fixture folder of a source's test class (found from the caller's source path, so nothing is copied to bin).</summary>
    public static string FixtureDir([CallerFilePath] string callerPath = "") =>
        Path.Combine(Path.GetDirectoryName(callerPath)!, "Fixtures");

    /// <summary>The repository root (for reading shared reference samples in tests).</summary>
    public static string RepoRoot([CallerFilePath] string callerPath = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(callerPath)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CstmML.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CstmML.sln not found above " + callerPath);
    }

    /// <summary>The case names (file names without <c>.json</c>) of the inputs in <paramref name="dir"/>.</summary>
    public static TheoryData<string> Cases(string dir) => new(CaseNames(dir));

    /// <summary>The case names of the inputs in <paramref name="dir"/>, sorted.</summary>
    public static string[] CaseNames(string dir) =>
        Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Reads a fixture as one JSON element.</summary>
    public static JsonElement Load(string dir, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name + ".json")));
        return doc.RootElement.Clone();
    }

    /// <summary>The golden form of a result: <c>{"alert": ..., "notes": [...]}</c> or <c>{"error": ..., "field": ...}</c>.</summary>
    public static string Render(NormalizeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var node = new JsonObject();
        if (result.Alert is { } a)
        {
            node["alert"] = JsonSerializer.SerializeToNode(a, Json);
            node["notes"] = new JsonArray(result.Notes.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        }
        else
        {
            node["error"] = result.Error;
            node["field"] = result.Field;
        }

        return node.ToJsonString(Json).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Normalizes fixture <paramref name="name"/> with <paramref name="source"/> and asserts it equals the expected file.</summary>
    public static void Verify(IAlertSource source, string dir, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = source.Normalize(Load(dir, name), new RawRef(name + ".json", 1));
        var actual = Render(result);
        var expectedPath = Path.Combine(dir, name + ".expected.json");
        if (Environment.GetEnvironmentVariable("CSTM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run with CSTM_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>
    /// Records of other providers that a source must not claim: the GuardDuty findings and CloudTrail records in
    /// training-data/reference/samples, and the valid fixtures of the other sources in this folder.
    /// </summary>
    public static IEnumerable<(string Name, JsonElement Record)> ForeignRecords(string ownFolder)
    {
        var samples = Path.Combine(RepoRoot(), "training-data", "reference", "samples");
        using (var gd = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, "guardduty_finding_samples.json"))))
        {
            foreach (var f in gd.RootElement.GetProperty("findings").EnumerateObject())
            {
                yield return ("guardduty " + f.Name, f.Value.Clone());
            }
        }

        using (var ct = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, "cloudtrail_record_samples_awsdocs.json"))))
        {
            foreach (var ex in ct.RootElement.GetProperty("examples").EnumerateArray())
            {
                var json = ex.GetProperty("json");
                var records = json.TryGetProperty("Records", out var r) ? r.EnumerateArray().ToArray() : [json];
                foreach (var rec in records)
                {
                    yield return ("cloudtrail " + ex.GetProperty("section").GetString(), rec.Clone());
                }
            }
        }

        var here = Path.GetDirectoryName(FixtureDir())!;
        foreach (var folder in new[] { "Defender", "Scc", "Prisma" }.Where(f => f != ownFolder))
        {
            var dir = Path.Combine(here, folder, "Fixtures");
            foreach (var name in CaseNames(dir).Where(n => !n.StartsWith("bad-", StringComparison.Ordinal)))
            {
                yield return (folder + " " + name, Load(dir, name));
            }
        }
    }

    /// <summary>
    /// The records of every file in <c>training-data/samples/{folder}</c>, with the container envelopes the reader
    /// removes (a top-level array, <c>value</c>, <c>listFindingsResults</c>, <c>items</c>) split off here.
    /// </summary>
    public static IEnumerable<(string File, JsonElement Record)> SampleRecords(string folder)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "training-data", "samples", folder), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root
                : new[] { "value", "listFindingsResults", "items" }.Select(n => root.TryGetProperty(n, out var v) ? v : default)
                    .FirstOrDefault(v => v.ValueKind == JsonValueKind.Array);
            var records = items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().Select(e => e.Clone()).ToArray() : [root.Clone()];
            foreach (var r in records)
            {
                yield return (Path.GetFileName(file), r);
            }
        }
    }

    /// <summary>Normalizes every sample record of <paramref name="folder"/>, asserting each is claimed and accepted.</summary>
    public static NormalizedAlert[] NormalizeSamples(IAlertSource source, string folder)
    {
        ArgumentNullException.ThrowIfNull(source);
        var alerts = new List<NormalizedAlert>();
        foreach (var (file, record) in SampleRecords(folder))
        {
            Assert.True(source.Matches(record), $"{file}: not claimed by {source.Name}");
            var r = source.Normalize(record, new RawRef(file, 1, alerts.Count));
            Assert.True(r.Succeeded, $"{file}: {r.Error} ({r.Field})");
            alerts.Add(r.Alert!);
        }

        return alerts.ToArray();
    }
}
