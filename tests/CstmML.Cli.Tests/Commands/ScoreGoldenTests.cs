using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CstmML.Ingestion;
using CstmML.Testing;

namespace CstmML.Cli.Tests.Commands;

/// <summary>
/// End-to-end golden test: <c>cstm score --model models/default --input training-data/samples</c> in-process, with the
/// key fields of every result pinned in Fixtures/score-golden.json. It fails when ingestion, sequencing, features, the
/// bundled model or the risk logic change. To accept a deliberate change: <c>CSTM_UPDATE_GOLDEN=1 dotnet test
/// tests/CstmML.Cli.Tests --filter ScoreGoldenTests</c>, then review the diff of the fixture before committing it.
/// </summary>
public sealed partial class ScoreGoldenTests
{
    private const string GoldenPath = "tests/CstmML.Cli.Tests/Fixtures/score-golden.json";
    private const string UpdateVariable = "CSTM_UPDATE_GOLDEN";

    // Floats (anomaly score, actor probability, reason points) may move in the last digits across CPUs; logic changes move them more.
    private const double Tolerance = 1e-6;

    [Fact]
    public void Score_BundledSampleWithDefaultModel_MatchesGolden()
    {
        using var temp = new TempDir();
        var output = temp.File("results.jsonl");
        var cli = new CliHarness(SourceRegistry.Default);

        var code = cli.Run("score", "--model", ScoreRepoPaths.Of("models/default"), "--input", ScoreRepoPaths.Of("training-data/samples"), "--out", output, "--threads", "2");

        Assert.True(code == 0, cli.Stderr);
        var actual = Project(File.ReadAllLines(output), cli.Stderr);
        var goldenFile = ScoreRepoPaths.Of(GoldenPath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(goldenFile, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            return;
        }

        var expected = JsonNode.Parse(File.ReadAllText(goldenFile))!;
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        Assert.True(
            differences.Count == 0,
            $"cstm score output differs from {GoldenPath} ({differences.Count} difference(s)); if the change is intended, "
            + $"regenerate with {UpdateVariable}=1 and review the diff:\n  " + string.Join("\n  ", differences.Take(30)));
    }

    /// <summary>The pinned view of a run: ingestion counts from the summary, then the key fields of each result in output order.</summary>
    private static JsonObject Project(string[] lines, string stderr)
    {
        var ingest = IngestLine().Match(stderr);
        Assert.True(ingest.Success, "no ingestion summary line in:\n" + stderr);
        var results = new JsonArray();
        string? modelName = null, modelVersion = null;
        foreach (var line in lines)
        {
            var r = JsonNode.Parse(line)!.AsObject();
            modelName ??= (string?)r["model"]!["name"];
            modelVersion ??= (string?)r["model"]!["version"];
            var anomaly = r["anomaly"]!;
            var actor = r["actor"]!;
            results.Add(new JsonObject
            {
                ["sequence_id"] = Copy(r["sequence_id"]),
                ["principal"] = Copy(r["principal"]),
                ["start"] = Copy(r["start"]),
                ["alert_count"] = Copy(r["alert_count"]),
                ["techniques"] = Copy(r["techniques"]),
                ["tactic_chain"] = Copy(r["tactic_chain"]),
                ["velocity"] = Copy(r["velocity"]!["class"]),
                ["baseline"] = Copy(anomaly["baseline"]),
                ["baseline_key"] = Copy(anomaly["baseline_key"]),
                ["anomalous"] = Copy(anomaly["is_anomalous"]),
                ["anomaly_score"] = Copy(anomaly["score"]),
                ["unseen_steps"] = Copy(anomaly["unseen_steps"]),
                ["actor"] = Copy(actor["label"]),
                ["actor_probability"] = Copy(actor["probability"]),
                ["abstained"] = Copy(actor["abstained"]),
                ["abstain_reason"] = Copy(actor["abstain_reason"]),
                ["top_candidate"] = Copy(actor["candidates"]!.AsArray().FirstOrDefault()?["label"]),
                ["playbooks"] = new JsonArray([.. r["playbooks"]!.AsArray().Select(p => (JsonNode)$"{p!["playbook_id"]} {p["steps_matched"]}/{p["steps_total"]}")]),
                ["risk"] = Copy(r["risk"]!["score"]),
                ["reasons"] = new JsonArray([.. r["risk"]!["reasons"]!.AsArray().Select(x => (JsonNode)new JsonObject { ["code"] = Copy(x!["code"]), ["points"] = Copy(x["points"]) })]),
            });
        }

        return new JsonObject
        {
            ["regenerate"] = $"{UpdateVariable}=1 dotnet test tests/CstmML.Cli.Tests --filter ScoreGoldenTests; review the diff before committing",
            ["command"] = "cstm score --model models/default --input training-data/samples",
            ["model"] = new JsonObject { ["name"] = modelName, ["version"] = modelVersion },
            ["read"] = Count(ingest, "read"),
            ["normalized"] = Count(ingest, "normalized"),
            ["rejected"] = Count(ingest, "rejected"),
            ["duplicate"] = Count(ingest, "duplicate"),
            ["sequences"] = results.Count,
            ["alerts_in_sequences"] = results.Sum(x => (int)x!["alert_count"]!),
            ["results"] = results,
        };
    }

    private static int Count(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>Structural comparison naming each differing path; numbers within <see cref="Tolerance"/> are equal.</summary>
    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> into)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        into.Add($"{path}.{key}: {(e.ContainsKey(key) ? "missing in output" : "not in golden")}");
                        continue;
                    }

                    Compare(e[key], a[key], $"{path}.{key}", into);
                }

                return;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    into.Add($"{path}: {e.Count} items expected, {a.Count} found");
                }

                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    // Name the sequence in result paths so a failure says which result moved.
                    var label = e[i] is JsonObject o && o["sequence_id"] is { } id ? $"{path}[{i} {id}]" : $"{path}[{i}]";
                    Compare(e[i], a[i], label, into);
                }

                return;
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                if (Math.Abs(Number(e) - Number(a)) > Tolerance)
                {
                    into.Add($"{path}: expected {e.ToJsonString()}, found {a.ToJsonString()}");
                }

                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    into.Add($"{path}: expected {expected?.ToJsonString() ?? "null"}, found {actual?.ToJsonString() ?? "null"}");
                }

                return;
        }
    }

    // Values built in memory keep their CLR type (int), parsed ones are JSON elements: read both through their text.
    private static double Number(JsonValue v) => double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"read (?<read>\d+), normalized (?<normalized>\d+), rejected (?<rejected>\d+), duplicate (?<duplicate>\d+)")]
    private static partial Regex IngestLine();
}
