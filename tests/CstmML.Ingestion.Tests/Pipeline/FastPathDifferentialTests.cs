using System.Text;
using System.Text.Json.Nodes;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Tests.TestSupport;
using CstmML.Testing;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary>
/// The document-free fast paths must change nothing: every input is run through the real sources with the fast
/// paths on and off, and the alerts (as written by <c>cstm map</c>), the rejects and the closing counts must be
/// byte-identical.
/// </summary>
public sealed class FastPathDifferentialTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_CloudTrailFixtures_FastEqualsDocumentPath()
    {
        var inputs = Directory.GetFiles(RepoPath.Tests("Sources", "CloudTrail", "Fixtures"), "*.json")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var fast = AssertSame(inputs);
        Assert.True(fast > 0, "no fixture took the fast path");
    }

    [Fact]
    public void Run_CloudTrailSamples_FastEqualsDocumentPathAndMostRecordsTakeIt()
    {
        var dir = RepoPath.Combine("training-data", "samples", "cloudtrail");
        var records = MapOutput.Of([dir], new PipelineOptions { FastPaths = false }).Alerts.Count;
        var fast = AssertSame(dir);
        Assert.True(fast * 2 > records, $"only {fast} of {records} sample records took the fast path");
    }

    [Fact]
    public void Run_AllSamplesOfEveryProvider_FastEqualsDocumentPath() =>
        AssertSame(RepoPath.Combine("training-data", "samples"));

    [Fact]
    public void Run_CorpusCloudTrailFiles_FastEqualsDocumentPath()
    {
        var fast = AssertSame(RepoPath.Combine("training-data", "corpus", "cloudtrail"));
        Assert.True(fast > 1000, $"only {fast} corpus records took the fast path");
    }

    [Fact]
    public void Run_HandWrittenOddCloudTrailRecords_FastEqualsDocumentPath()
    {
        // Distinct ids, or de-duplication would hide all but the first.
        var lines = OddRecords().Select((r, i) => r.Replace("ev-1", "ev-odd-" + i, StringComparison.Ordinal)).ToList();
        var file = _dir.Write("odd.jsonl", string.Join("\n", lines) + "\n");
        var fast = AssertSame(file);
        Assert.InRange(fast, 1, lines.Count - 1);
    }

    [Fact]
    public void Run_SeededMutationsOfCloudTrailRecords_FastEqualsDocumentPath()
    {
        var random = new Random(11);
        var bases = BaseRecords();
        var lines = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var record = JsonNode.Parse(bases[random.Next(bases.Count)])!.AsObject();
            record["eventID"] = "m-" + i;
            lines.Add(Mutate(record.ToJsonString(), random));
        }

        // Also as one envelope (the streamed array path) and gzip.
        var jsonl = _dir.Write("mutated.jsonl", string.Join("\n", lines) + "\n");
        var envelope = _dir.WriteGzip("mutated.json.gz", "{\"Records\":[" + string.Join(",", lines) + "]}");
        AssertSame(jsonl, envelope);
    }

    [Fact]
    public void Run_MalformedInputCorpusWithCloudTrailRecords_FastEqualsDocumentPath()
    {
        var good = BaseRecords()[0];
        var bytes = Encoding.UTF8.GetBytes(good.Replace("GetCallerIdentity", "Get#", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xE9;
        string[] files =
        [
            _dir.Write("invalid.jsonl", good + "\n{\"eventVersion\": \"1.08\", oops}\n" + good.Replace("ev-1", "ev-2", StringComparison.Ordinal) + "\n"),
            _dir.Write("empty.json", string.Empty),
            _dir.WriteBytes("latin1.jsonl", [.. Encoding.UTF8.GetBytes(good + "\n"), .. bytes, (byte)'\n']),
            _dir.Write("truncated.json", "{\"Records\":[" + good + "," + good[..40]),
            _dir.Write("huge.jsonl", good + "\n" + good.Replace("\"readOnly\"", "\"blob\":\"" + new string('a', 5 * 1024 * 1024) + "\",\"readOnly\"", StringComparison.Ordinal) + "\n"),
            _dir.Write("deep.jsonl", good.Replace("\"requestParameters\":null", "\"requestParameters\":" + new string('[', 70) + new string(']', 70), StringComparison.Ordinal) + "\n"),
            _dir.Write("array.json", "[" + good + ",42,[1],{\"what\":1}]"),
            _dir.Write("mixed.jsonl", string.Join("\n", GuardDutyFinding(), good, GuardDutyFinding().Replace("gd-1", "gd-2", StringComparison.Ordinal), good.Replace("ev-1", "ev-9", StringComparison.Ordinal))),
        ];
        AssertSame(files);
    }

    [Fact]
    public void Run_JsonLinesEdgesAroundLineTakenRecords_FastEqualsDocumentPathAndParallelRun()
    {
        // One-thread runs read plain CloudTrail lines once (LineTaker); parallel runs find the records first.
        var records = BaseRecords().Select((r, i) => r.Replace("\"eventID\":\"", $"\"eventID\":\"edge-{i}-", StringComparison.Ordinal)).ToList();
        var good = records[0];
        var bad = Encoding.UTF8.GetBytes(good.Replace("edge-0-", "edge-#-", StringComparison.Ordinal));
        bad[Array.IndexOf(bad, (byte)'#')] = 0xFF;
        var huge = good.Replace("\"readOnly\"", "\"blob\":\"" + new string('a', 5 * 1024 * 1024) + "\",\"readOnly\"", StringComparison.Ordinal);
        string[] files =
        [
            _dir.Write("crlf.jsonl", string.Join("\r\n", records) + "\r\n"),
            _dir.Write("blank.jsonl", "\n\n" + string.Join("\n \n\t\r\n", records) + "\n\n"),
            _dir.Write("nofinal.jsonl", string.Join("\n", records)),
            _dir.Write("huge.jsonl", records[1] + "\r\n" + huge + "\r\n" + records[2] + "\r\n"),
            _dir.WriteBytes("badutf8.jsonl", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(records[3] + "\n"), .. bad, .. Encoding.UTF8.GetBytes("\n" + records[4] + "\n")]),
            _dir.Write("sameline.jsonl", records[5] + " " + records[6] + "\n" + records[7] + " x\n" + records[8] + "\n"),
            _dir.Write("mixed.jsonl", GuardDutyFinding() + "\n" + records[9] + "\n{\"eventVersion\":1}\n" + records[10]),
        ];
        var fast = AssertSame(files);
        Assert.True(fast > records.Count * 2, $"only {fast} records took the fast path");
        var parallel = MapOutput.Of(files, new PipelineOptions { Parallelism = 2 });
        var serial = MapOutput.Of(files, new PipelineOptions());
        Assert.Equal(serial.Alerts, parallel.Alerts);
        Assert.Equal(serial.Rejects, parallel.Rejects);
        Assert.Equal(serial.Summary, parallel.Summary);
        Assert.Equal(serial.FastRecords, parallel.FastRecords);
    }

    // Runs the inputs both ways and compares; returns how many records took the fast path.
    private static long AssertSame(params string[] inputs)
    {
        var slow = MapOutput.Of(inputs, new PipelineOptions { FastPaths = false });
        var fast = MapOutput.Of(inputs, new PipelineOptions());
        Assert.Equal(0, slow.FastRecords);
        Assert.Equal(slow.Alerts, fast.Alerts);
        Assert.Equal(slow.Rejects, fast.Rejects);
        Assert.Equal(slow.Summary, fast.Summary);
        return fast.FastRecords;
    }

    internal static List<string> BaseRecords()
    {
        var list = new List<string>
        {
            """{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAX:alice","arn":"arn:aws:sts::111122223333:assumed-role/Admin/alice","accountId":"111122223333","accessKeyId":"ASIAX","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/Admin","userName":"Admin"},"attributes":{"mfaAuthenticated":"false"}}},"eventTime":"2024-05-01T12:00:00Z","eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.15","requestParameters":null,"responseElements":null,"requestID":"r-1","eventID":"ev-1","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}""",
        };
        foreach (var f in Directory.GetFiles(RepoPath.Tests("Sources", "CloudTrail", "Fixtures"), "*.json").Order(StringComparer.Ordinal))
        {
            if (!f.EndsWith(".expected.json", StringComparison.Ordinal) && JsonNode.Parse(File.ReadAllText(f)) is JsonObject o)
            {
                list.Add(o.ToJsonString());
            }
        }

        return list;
    }

    internal static string GuardDutyFinding() =>
        """{"schemaVersion":"2.0","id":"gd-1","type":"Recon:IAMUser/MaliciousIPCaller","accountId":"111122223333","region":"us-east-1","severity":5,"createdAt":"2024-05-01T12:00:00Z","updatedAt":"2024-05-01T12:00:00Z","resource":{"resourceType":"AccessKey"},"service":{"serviceName":"guardduty","eventLastSeen":"2024-05-01T12:00:00Z"}}""";

    // Records on the edge of what the fast path accepts (each either taken exactly or left to the document path).
    private static IEnumerable<string> OddRecords()
    {
        var b = BaseRecords()[0];
        string R(string from, string to) => b.Replace(from, to, StringComparison.Ordinal);
        yield return b;
        yield return R("\"eventTime\":\"2024-05-01T12:00:00Z\"", "\"eventTime\":\"2024-05-01T14:00:00+02:00\"");
        yield return R("\"eventTime\":\"2024-05-01T12:00:00Z\"", "\"eventTime\":1714564800");
        yield return R("\"eventTime\":\"2024-05-01T12:00:00Z\"", "\"eventTime\":\"1714564800\"");
        yield return R("\"eventTime\":\"2024-05-01T12:00:00Z\"", "\"eventTime\":\"May 1 2024 12:00\"");
        yield return R("\"eventTime\":\"2024-05-01T12:00:00Z\"", "\"eventTime\":null");
        yield return R("\"eventTime\":\"2024-05-01T12:00:00Z\",", string.Empty);
        yield return R("\"eventTime\":\"2024-05-01T12:00:00Z\"", "\"eventTime\":\"2024-05-01T12:00:00Z\",\"eventTime\":\"2024-06-01T12:00:00Z\"");
        yield return R("\"eventTime\":\"2024-05-01T12:00:00Z\"", "\"eventTime\":\"2024-05-01T12:00:00Z\",\"@timestamp\":\"2024-06-01T12:00:00Z\"");
        yield return R("\"eventName\":\"GetCallerIdentity\"", "\"eventName\":\"\"");
        yield return R("\"eventName\":\"GetCallerIdentity\"", "\"eventName\":7");
        yield return R("\"eventName\":\"GetCallerIdentity\"", "\"eventName\":\"ListFunctions20150331\"");
        yield return R("\"eventName\":\"GetCallerIdentity\"", "\"eventName\":\"Get\\u0043allerIdentity\"");
        yield return R("\"eventName\":\"GetCallerIdentity\"", "\"event\\u004Eame\":\"GetCallerIdentity\"");
        yield return R("\"eventID\":\"ev-1\"", "\"eventID\":\"\"");
        yield return R("\"eventID\":\"ev-1\"", "\"eventID\":12345");
        yield return R("\"eventID\":\"ev-1\",", string.Empty);
        yield return R("\"eventVersion\":\"1.08\"", "\"eventVersion\":null");
        yield return R("\"eventVersion\":\"1.08\",", string.Empty);
        yield return R("\"readOnly\":true", "\"readOnly\":\"true\"");
        yield return R("\"readOnly\":true", "\"readOnly\":\"FALSE\"");
        yield return R("\"readOnly\":true", "\"readOnly\":1");
        yield return R("\"readOnly\":true", "\"readOnly\":{\"a\":[1]}");
        yield return R("\"readOnly\":true,", string.Empty);
        foreach (var readOnly in new[] { "true", "false", "\"true\"", "\"false\"", "\"yes\"", "null" })
        {
            // An unlisted call: whether it is read-only decides between a discovery family and no mapping.
            yield return R("\"readOnly\":true", "\"readOnly\":" + readOnly).Replace("GetCallerIdentity", "FrobnicateWidget", StringComparison.Ordinal);
            yield return R("\"readOnly\":true", "\"readOnly\":" + readOnly).Replace("GetCallerIdentity", "DescribeWidgets", StringComparison.Ordinal);
        }

        yield return R("\"responseElements\":null", "\"responseElements\":{\"ConsoleLogin\":\"Failure\"}");
        yield return R("\"responseElements\":null", "\"responseElements\":{\"ConsoleLogin\":\"Failure\",\"ConsoleLogin\":\"Success\"}");
        yield return R("\"responseElements\":null", "\"responseElements\":{\"ConsoleLogin\":1}");
        yield return R("\"responseElements\":null", "\"responseElements\":\"Failure\"");
        yield return R("\"eventName\":\"GetCallerIdentity\"", "\"eventName\":\"RunInstances\"").Replace("\"requestParameters\":null", "\"requestParameters\":{\"instanceType\":\"p4d.24xlarge\"}", StringComparison.Ordinal);
        yield return R("\"eventName\":\"GetCallerIdentity\"", "\"eventName\":\"RunInstances\"").Replace("\"requestParameters\":null", "\"requestParameters\":{\"instanceType\":\"t3.micro\",\"instanceType\":\"g5.xlarge\"}", StringComparison.Ordinal);
        yield return R("\"eventName\":\"GetCallerIdentity\"", "\"eventName\":\"RunInstances\"").Replace("\"requestParameters\":null", "\"requestParameters\":{\"instanceType\":5}", StringComparison.Ordinal);
        yield return R("\"readOnly\":true", "\"readOnly\":true,\"errorCode\":\"AccessDenied\",\"errorMessage\":\"no\"");
        yield return R("\"readOnly\":true", "\"readOnly\":true,\"errorCode\":\"\"");
        yield return R("\"readOnly\":true", "\"readOnly\":true,\"errorCode\":403");
        yield return R("\"recipientAccountId\":\"111122223333\"", "\"recipientAccountId\":\"\"");
        yield return R("\"recipientAccountId\":\"111122223333\"", "\"recipientAccountId\":111122223333");
        yield return R("\"sourceIPAddress\":\"198.51.100.7\"", "\"sourceIPAddress\":\"AWS Internal\"");
        yield return R("\"sourceIPAddress\":\"198.51.100.7\"", "\"sourceIPAddress\":\"ec2.amazonaws.com\"");
        yield return R("\"userAgent\":\"aws-cli/2.15\"", "\"userAgent\":\"a\\\"b\\u00e9\"");
        yield return R("\"eventSource\":\"sts.amazonaws.com\"", "\"eventSource\":\"\"");
        yield return R("\"eventSource\":\"sts.amazonaws.com\"", "\"eventSource\":null");
        yield return R("\"eventSource\":\"sts.amazonaws.com\"", "\"eventSource\":[1]");
        yield return R("\"userIdentity\":{", "\"userIdentity\":\"x\",\"ignored\":{");
        yield return R("\"userIdentity\":{", "\"userIdentity\":null,\"x\":{");
        yield return R("\"type\":\"AssumedRole\"", "\"type\":7");
        yield return R("\"type\":\"AssumedRole\"", "\"type\":\"\"");
        yield return R("\"type\":\"AssumedRole\"", "\"type\":\"AssumedRole\",\"type\":\"IAMUser\"");
        yield return R("\"sessionContext\":{", "\"sessionContext\":\"s\",\"other\":{");
        yield return R("\"sessionIssuer\":{", "\"sessionIssuer\":[],\"x\":{");
        yield return R("\"arn\":\"arn:aws:iam::111122223333:role/Admin\"", "\"arn\":\"\"");
        yield return R("\"accessKeyId\":\"ASIAX\"", "\"accessKeyId\":null");
        yield return R("\"type\":\"AssumedRole\"", "\"type\":\"IdentityCenterUser\",\"onBehalfOf\":{\"userId\":\"u-1\",\"identityStoreArn\":\"arn:aws:identitystore::1:identitystore/d-1\"}");
        yield return R("\"type\":\"AssumedRole\"", "\"type\":\"IdentityCenterUser\",\"onBehalfOf\":\"u-1\"");
        yield return R("\"eventCategory\":\"Management\"", "\"eventCategory\":\"Management\",\"insightDetails\":{}");
        yield return R("\"eventCategory\":\"Management\"", "\"eventCategory\":\"Management\",\"category\":\"x\",\"resourceName\":\"y\"");
        yield return R("\"eventCategory\":\"Management\"", "\"eventCategory\":\"Management\",\"schemaVersion\":\"2.0\",\"type\":\"x\",\"service\":{}");
        yield return "{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.sts\",\"detail\":" + b + "}";
        yield return "{\"time\":1714564800,\"host\":\"h\",\"sourcetype\":\"aws:cloudtrail\",\"event\":" + R("ev-1", "ev-hec") + "}";
        yield return "{\"eventData\":" + R("ev-1", "ev-lake") + "}";
        yield return b;
    }

    // One seeded change to a record: a value replaced, a key removed, a key doubled, or a name escaped.
    internal static string Mutate(string record, Random random)
    {
        var root = JsonNode.Parse(record)!.AsObject();
        var obj = root;
        if (random.Next(3) == 0)
        {
            // A nested object now and then: userIdentity (CloudTrail), raw_ref or a mapping entry (normalized).
            obj = root["userIdentity"] as JsonObject ?? (random.Next(2) == 0 ? root["raw_ref"] as JsonObject : (root["mapping"] as JsonArray)?.FirstOrDefault() as JsonObject) ?? root;
        }

        var keys = obj.Select(p => p.Key).ToArray();
        if (keys.Length == 0)
        {
            return record;
        }

        var key = keys[random.Next(keys.Length)];
        JsonNode?[] values =
        [
            null, JsonValue.Create(1), JsonValue.Create(string.Empty), JsonValue.Create("x"), new JsonObject(), new JsonArray(),
            JsonValue.Create(true), JsonValue.Create("2024-05-01T00:00:00Z"), JsonValue.Create("Failure"), JsonValue.Create("true"),
            new JsonObject { ["instanceType"] = "p3.2xlarge", ["ConsoleLogin"] = "Failure", ["arn"] = "arn:aws:iam::1:role/R" },
        ];
        switch (random.Next(4))
        {
            case 0:
                var v = values[random.Next(values.Length)];
                obj[key] = v?.DeepClone();
                return root.ToJsonString();
            case 1:
                obj.Remove(key);
                return root.ToJsonString();
            case 2:
                // A doubled key cannot be built with JsonObject: splice the text.
                var text = root.ToJsonString();
                var value = obj[key]?.ToJsonString() ?? "null";
                return text[..^1] + ",\"" + key + "\":" + value + "}";
            default:
                var escaped = "\\u" + ((int)key[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + key[1..];
                var t = root.ToJsonString();
                var at = t.IndexOf("\"" + key + "\":", StringComparison.Ordinal);
                return at < 0 ? t : t[..(at + 1)] + escaped + t[(at + 1 + key.Length)..];
        }
    }
}
