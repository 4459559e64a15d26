using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Text;
using CstmML.Ingestion.Sources.CloudTrail;

namespace CstmML.Ingestion.Tests.Sources.CloudTrail;

public sealed class CloudTrailMappingsTests
{
    private static IReadOnlyDictionary<string, string>[] Rows() =>
        EmbeddedCsv.ReadRows(typeof(CloudTrailMappings).Assembly, CloudTrailMappings.ResourceName).ToArray();

    [Fact]
    public void Table_EveryTechnique_IsLiveInThePinnedCatalog()
    {
        var rows = Rows();
        Assert.True(rows.Length > 100, $"only {rows.Length} rows");
        foreach (var r in rows)
        {
            var id = TechniqueId.Parse(r["technique_id"]);
            Assert.True(AttackCatalog.Pinned.Contains(id), $"{r["event_source"]} {r["event_name"]}: {id} is not live in ATT&CK {AttackCatalog.PinnedVersion}");
        }
    }

    [Fact]
    public void Table_Rows_HaveValidSourceConfidenceAndRule()
    {
        foreach (var r in Rows())
        {
            var source = Enum.Parse<MappingSource>(r["source"], ignoreCase: true);
            Assert.NotEqual(MappingSource.Native, source);
            var confidence = double.Parse(r["confidence"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(confidence, CloudTrailMappings.FamilyConfidence, 1.0);
            Assert.False(string.IsNullOrEmpty(r["rule"]));
            Assert.Contains(r["when"], new[] { "", "failure" });
        }
    }

    [Fact]
    public void Default_KnownTypes_CoverTheImportantCalls()
    {
        var known = CloudTrailMappings.Default.KnownTypes.ToLookup(k => k.Type);
        string[][] expected =
        [
            ["GetCallerIdentity", "T1087.004"], ["ListBuckets", "T1619"], ["GetObject", "T1530"], ["DescribeInstances", "T1580"],
            ["StopLogging", "T1562.008"], ["DeleteTrail", "T1562.008"], ["DeleteDetector", "T1562.001"], ["CreateAccessKey", "T1098.001"],
            ["CreateLoginProfile", "T1098"], ["UpdateLoginProfile", "T1098"], ["AttachUserPolicy", "T1098.003"], ["GetSecretValue", "T1555.006"],
            ["RunInstances", "T1578.002"], ["PutBucketPolicy", "T1537"], ["PutBucketAcl", "T1537"],
        ];
        foreach (var e in expected)
        {
            Assert.Contains(known[e[0]].SelectMany(k => k.Mappings), m => m.Technique.Value == e[1]);
        }
    }

    [Fact]
    public void Find_ExactSourceBeatsWildcard_AndUnknownIsNull()
    {
        var m = CloudTrailMappings.Default;
        Assert.Equal("cloudtrail.amazonaws.com", m.Find("cloudtrail.amazonaws.com", "StopLogging", failed: false)!.EventSource);
        Assert.Null(m.Find("cloudtrail.amazonaws.com", "NoSuchCall", failed: false));
        Assert.Null(m.Find("other.amazonaws.com", "StopLogging", failed: false));
    }

    [Fact]
    public void Load_RowWithUnknownTechnique_Throws()
    {
        var bad = new Dictionary<string, string>
        {
            ["event_source"] = "x.amazonaws.com",
            ["event_name"] = "Y",
            ["technique_id"] = "T9999",
            ["source"] = "curated",
            ["confidence"] = "0.5",
            ["severity"] = "1",
            ["when"] = "",
            ["rule"] = "r",
        };
        Assert.Throws<InvalidOperationException>(() => CloudTrailMappings.Load([bad]));
    }
}
