using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CstmML.Training.Labels;
using CstmML.Training.Simulation;

namespace CstmML.Training.Tests.Simulation;

public class SimulatorTests(TinyCorpusFixture fixture) : IClassFixture<TinyCorpusFixture>
{
    [Fact]
    public void Run_SameOptionsTwice_WritesByteIdenticalFiles()
    {
        var other = Path.Combine(Path.GetTempPath(), "cstm-sim-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = Simulator.Run(TinyCorpusFixture.Options, other);

            var first = HashAll(fixture.Directory);
            var second = HashAll(other);
            Assert.True(first.Count > 10, $"only {first.Count} files written");
            Assert.Equal(first, second);
            Assert.Equal(fixture.Summary.ContentSha256, summary.ContentSha256);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Generate_DifferentSeed_ChangesTheData()
    {
        var other = Simulator.Generate(TinyCorpusFixture.Options with { Seed = 8 });

        Assert.NotEqual(fixture.Corpus.ApiCalls[0].EventId, other.ApiCalls[0].EventId);
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => Simulator.Generate(new SimulationOptions { Days = 0 }));

        Assert.Contains("--days", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CloudTrailFiles_AreDeliveredLayoutWithRequiredFields()
    {
        var files = Directory.GetFiles(Path.Combine(fixture.Directory, CorpusLayout.CloudTrailFolder), "*.json.gz", SearchOption.AllDirectories);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var records = 0;
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(fixture.Directory, file).Replace('\\', '/');
            Assert.Matches(@"^cloudtrail/AWSLogs/\d{12}/CloudTrail/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/\d{12}_CloudTrail_[a-z0-9-]+_\d{8}T\d{4}Z_[0-9A-F]{16}\.json\.gz$", relative);
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var doc = JsonDocument.Parse(gz);
            foreach (var r in doc.RootElement.GetProperty("Records").EnumerateArray())
            {
                records++;
                AssertCloudTrailRecord(r, relative);
                Assert.True(ids.Add(r.GetProperty("eventID").GetString()!), "duplicate eventID");
            }
        }

        Assert.Equal(fixture.Summary.CloudTrailRecords, records);
    }

    private static void AssertCloudTrailRecord(JsonElement r, string file)
    {
        Assert.Equal("1.09", r.GetProperty("eventVersion").GetString());
        foreach (var field in new[] { "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent", "eventID", "requestID", "eventType", "recipientAccountId" })
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty(field).GetString()), $"{file}: {field} empty");
        }

        Assert.True(Guid.TryParse(r.GetProperty("eventID").GetString(), out _));
        Assert.True(DateTimeOffset.TryParse(r.GetProperty("eventTime").GetString(), out _));
        Assert.Contains(r.GetProperty("readOnly").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Contains(r.GetProperty("managementEvent").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.True(r.TryGetProperty("requestParameters", out _));
        Assert.True(r.TryGetProperty("responseElements", out _));
        Assert.Equal(r.TryGetProperty("errorCode", out _), r.TryGetProperty("errorMessage", out _));
        var account = r.GetProperty("recipientAccountId").GetString();
        var identity = r.GetProperty("userIdentity");
        switch (identity.GetProperty("type").GetString())
        {
            case "AssumedRole":
                var issuer = identity.GetProperty("sessionContext").GetProperty("sessionIssuer");
                var role = issuer.GetProperty("userName").GetString();
                Assert.Equal("Role", issuer.GetProperty("type").GetString());
                Assert.Equal($"arn:aws:iam::{account}:role/{role}", issuer.GetProperty("arn").GetString());
                Assert.StartsWith($"arn:aws:sts::{account}:assumed-role/{role}/", identity.GetProperty("arn").GetString(), StringComparison.Ordinal);
                Assert.True(identity.GetProperty("arn").GetString()!.Length > $"arn:aws:sts::{account}:assumed-role/{role}/".Length, "empty session name");
                break;
            case "IAMUser":
                Assert.Equal($"arn:aws:iam::{account}:user/{identity.GetProperty("userName").GetString()}", identity.GetProperty("arn").GetString());
                break;
            default:
                Assert.Fail($"{file}: unexpected userIdentity.type");
                break;
        }
    }

    [Fact]
    public void Run_GuardDutyFindings_AreEventBridgeEventsOfRealTypes()
    {
        var known = RepoPaths.FirstColumn("guardduty/finding_types.csv");
        var lines = Directory.GetFiles(Path.Combine(fixture.Directory, CorpusLayout.GuardDutyFolder), "findings-*.jsonl")
            .SelectMany(File.ReadAllLines).ToList();

        Assert.Equal(fixture.Summary.GuardDutyFindings, lines.Count);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal("GuardDuty Finding", doc.RootElement.GetProperty("detail-type").GetString());
            var detail = doc.RootElement.GetProperty("detail");
            Assert.Contains(detail.GetProperty("type").GetString()!, known);
            Assert.Equal("2.0", detail.GetProperty("schemaVersion").GetString());
            Assert.InRange(detail.GetProperty("severity").GetDouble(), 0, 10);
            Assert.True(DateTimeOffset.TryParse(detail.GetProperty("service").GetProperty("eventLastSeen").GetString(), out _));
            var resource = detail.GetProperty("resource");
            Assert.True(resource.TryGetProperty("accessKeyDetails", out _) || resource.TryGetProperty("instanceDetails", out _));
        }
    }

    [Fact]
    public void Run_DefenderAndSccFiles_HaveTheFieldsTheNormalizersRead()
    {
        var defender = Directory.GetFiles(Path.Combine(fixture.Directory, CorpusLayout.DefenderFolder), "*.json");
        var scc = Directory.GetFiles(Path.Combine(fixture.Directory, CorpusLayout.SccFolder), "*.json");
        var defenderTypes = RepoPaths.FirstColumn("azure/defender_for_resource_manager_alerts.csv");
        var sccCategories = RepoPaths.FirstColumn("gcp/scc_threat_finding_categories.csv");
        var rows = 0;
        foreach (var file in defender)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                rows++;
                Assert.Contains(row.GetProperty("AlertType").GetString()!, defenderTypes);
                Assert.True(Guid.TryParse(row.GetProperty("SystemAlertId").GetString(), out _));
                Assert.StartsWith("/subscriptions/", row.GetProperty("ResourceId").GetString(), StringComparison.Ordinal);
                using var techniques = JsonDocument.Parse(row.GetProperty("Techniques").GetString()!);
                Assert.Equal(JsonValueKind.Array, techniques.RootElement.ValueKind);
                using var entities = JsonDocument.Parse(row.GetProperty("Entities").GetString()!);
                Assert.Contains(entities.RootElement.EnumerateArray(), e => e.GetProperty("Type").GetString() == "account");
            }
        }

        foreach (var file in scc)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var result in doc.RootElement.GetProperty("listFindingsResults").EnumerateArray())
            {
                rows++;
                var finding = result.GetProperty("finding");
                Assert.Contains(finding.GetProperty("category").GetString()!, sccCategories);
                Assert.Contains("@", finding.GetProperty("access").GetProperty("principalEmail").GetString(), StringComparison.Ordinal);
                Assert.True(DateTimeOffset.TryParse(finding.GetProperty("eventTime").GetString(), out _));
                Assert.Equal(JsonValueKind.Array, finding.GetProperty("mitreAttack").GetProperty("primaryTechniques").ValueKind);
            }
        }

        Assert.Equal(fixture.Summary.DefenderAlerts + fixture.Summary.SccFindings, rows);
        Assert.True(fixture.Summary.DefenderAlerts > 0, "no Defender alerts");
        Assert.True(fixture.Summary.SccFindings > 0, "no SCC findings");
    }

    [Fact]
    public void Generate_EveryIncidentRecord_FallsInsideItsLabelAndResolvesToItsActor()
    {
        var corpus = fixture.Corpus;
        var index = new LabelIndex(corpus.Labels);
        var incidents = corpus.Incidents.ToDictionary(i => i.IncidentId);
        var checkedRecords = 0;
        foreach (var call in corpus.ApiCalls.Where(c => c.IncidentId is not null))
        {
            var incident = incidents[call.IncidentId!];
            Assert.InRange(call.Time, incident.Start, incident.End.AddTicks(-1));
            Assert.Equal(incident.Actor.Id, index.Resolve(call.Identity.Account, call.Identity.Principal, call.Time)?.Actor);
            checkedRecords++;
        }

        foreach (var alert in corpus.Alerts.Where(a => a.IncidentId is not null))
        {
            var incident = incidents[alert.IncidentId!];
            Assert.InRange(alert.Time, incident.Start, incident.End.AddTicks(-1));
            Assert.Equal(incident.Actor.Id, index.Resolve(alert.Identity.Account, alert.Identity.Principal, alert.Time, alert.Id)?.Actor);
            checkedRecords++;
        }

        Assert.True(checkedRecords > 50, $"only {checkedRecords} incident records");
    }

    [Fact]
    public void Generate_RoutineAlertsAndBenignCalls_AreNeverLabelledByAlertId()
    {
        var index = new LabelIndex(fixture.Corpus.Labels);

        Assert.All(fixture.Corpus.Alerts.Where(a => a.IncidentId is null), a =>
            Assert.NotEqual(LabelKind.Incident, index.Resolve("-", "-", a.Time, a.Id)?.Kind));
    }

    [Fact]
    public void Run_EveryActorClassIsLabelled_AndBenignWindowsExist()
    {
        var parsed = LabelsFile.Load(Path.Combine(fixture.Directory, CorpusLayout.LabelsFile));

        Assert.Empty(parsed.Issues);
        var actors = parsed.Labels.Where(l => l.Kind == LabelKind.Incident).Select(l => l.Actor).ToHashSet();
        Assert.Equal(ActorCatalog.All.Select(a => a.Id).ToHashSet(), actors);
        Assert.Contains(parsed.Labels, l => l.Kind == LabelKind.Benign && l.Actor == "security-scanner");
        Assert.All(fixture.Summary.IncidentsPerActor, p => Assert.Equal(TinyCorpusFixture.Options.IncidentsPerActor, p.Value));
    }

    [Fact]
    public void Run_LabelPrincipals_AllOccurInTheWrittenCloudTrail()
    {
        var seen = new HashSet<(string, string)>();
        foreach (var file in Directory.GetFiles(Path.Combine(fixture.Directory, CorpusLayout.CloudTrailFolder), "*.json.gz", SearchOption.AllDirectories))
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var doc = JsonDocument.Parse(gz);
            foreach (var r in doc.RootElement.GetProperty("Records").EnumerateArray())
            {
                var identity = r.GetProperty("userIdentity");
                var principal = identity.TryGetProperty("sessionContext", out var ctx)
                    ? ctx.GetProperty("sessionIssuer").GetProperty("arn").GetString()!
                    : identity.GetProperty("arn").GetString()!;
                seen.Add((r.GetProperty("recipientAccountId").GetString()!, principal));
            }
        }

        var labels = LabelsFile.Load(Path.Combine(fixture.Directory, CorpusLayout.LabelsFile)).Labels;

        Assert.Empty(LabelsFile.Validate(labels.Where(l => l.Kind == LabelKind.Benign || l.Principal.StartsWith("arn:aws:", StringComparison.Ordinal)), seen));
        Assert.Contains(labels, l => l.Kind == LabelKind.Incident && l.HasWindow);
    }

    [Fact]
    public void Run_Manifest_RecordsSeedVersionAndCounts()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Directory, CorpusLayout.ManifestFile)));
        var root = doc.RootElement;

        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(SimulationDefaults.GeneratorVersion, root.GetProperty("generator_version").GetString());
        Assert.True(root.GetProperty("synthetic").GetBoolean());
        Assert.Equal(fixture.Summary.ContentSha256, root.GetProperty("content_sha256").GetString());
        Assert.Equal(fixture.Summary.CloudTrailRecords, root.GetProperty("counts").GetProperty("cloudtrail_records").GetInt32());
        Assert.Equal(ActorCatalog.All.Count, root.GetProperty("actors").GetArrayLength());
    }

    [Fact]
    public void Generate_TimingModels_AutomatedBurstsAreFasterThanPeople()
    {
        static double MedianGapSeconds(IEnumerable<SimApiCall> calls) =>
            calls.GroupBy(c => c.IncidentId ?? c.AccessKeyId)
                .SelectMany(g => g.OrderBy(c => c.Time).Zip(g.OrderBy(c => c.Time).Skip(1), (a, b) => (b.Time - a.Time).TotalSeconds))
                .Order().ToList() is { Count: > 0 } gaps ? gaps[gaps.Count / 2] : double.NaN;

        var corpus = Simulator.Generate(TinyCorpusFixture.Options with { IncidentsPerActor = 10 });
        var automated = MedianGapSeconds(corpus.ApiCalls.Where(c => c.IncidentId?.StartsWith("elektra-leak", StringComparison.Ordinal) == true));
        var people = MedianGapSeconds(corpus.ApiCalls.Where(c => c.IncidentId is null && c.Identity.Role.Archetype == "human-admin"));

        Assert.InRange(automated, 0, 5);
        Assert.True(people > 10, $"human-admin median gap {people} s");
    }

    [Fact]
    public void Generate_IncidentsOnOnePrincipal_NeverOverlap()
    {
        foreach (var group in fixture.Corpus.Incidents.Where(i => i.Cloud == CloudKind.Aws).GroupBy(i => i.Identity.Principal))
        {
            var sorted = group.OrderBy(i => i.Start).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                Assert.True(sorted[i].Start >= sorted[i - 1].End, $"{sorted[i].IncidentId} overlaps {sorted[i - 1].IncidentId}");
            }
        }
    }

    private static SortedDictionary<string, string> HashAll(string root)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            map[Path.GetRelativePath(root, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return map;
    }
}
