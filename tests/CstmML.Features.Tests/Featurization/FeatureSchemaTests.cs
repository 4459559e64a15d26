using CstmML.Features.Featurization;

namespace CstmML.Features.Tests.Featurization;

public class FeatureSchemaTests
{
    // The fingerprint of the default cstm-features/1 schema. It changes only when a slot name, the order, the bucket
    // counts, the seed or the version changes, and any of those makes saved models unusable: bump
    // FeatureSchemaDefaults.Version with the change, then re-pin this value.
    private const string PinnedDefaultFingerprint = "sha256:375884d9188bce113b0ed4834d1c0a72a2694b1a4fe7ada4011920740bd6b401";

    [Fact]
    public void Default_PinsEveryDefault()
    {
        var schema = FeatureSchema.Default;

        Assert.Equal("cstm-features/1", schema.Version);
        Assert.Equal(256, schema.TechniqueBuckets);
        Assert.Equal(128, schema.AlertTypeBuckets);
        Assert.Equal(0x43534D4Cu, schema.HashSeed);
        Assert.Equal(256 + 128 + 14 + 25 + 9 + 2 + 8 + 9 + 7 + 6 + 2 + 2 + 8, schema.Dimension);
        Assert.Equal(schema.Dimension, schema.Names.Count);
        Assert.Equal("feature_schema.json", FeatureSchemaDefaults.FileName);
    }

    [Fact]
    public void Fingerprint_DefaultSchema_MatchesPinnedValue() =>
        Assert.Equal(PinnedDefaultFingerprint, FeatureSchema.Default.Fingerprint);

    [Fact]
    public void Names_DefaultSchema_AreUniqueAndStartWithTheHashedBlocks()
    {
        var names = FeatureSchema.Default.Names;

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("tech_ngram[0]", names[0]);
        Assert.Equal("type_ngram[0]", names[256]);
        Assert.Equal("tac_has_reconnaissance", names[384]);
        Assert.Equal("tac_has_impact", names[397]);
        Assert.Equal("ctx_principal_unknown", names[^1]);
    }

    [Theory]
    [InlineData(128, 128, FeatureSchemaDefaults.HashSeed)]
    [InlineData(256, 64, FeatureSchemaDefaults.HashSeed)]
    [InlineData(256, 128, 1u)]
    public void Fingerprint_AnyParameterChanged_Differs(int techniqueBuckets, int alertTypeBuckets, uint seed)
    {
        var other = FeatureSchema.Create(techniqueBuckets, alertTypeBuckets, seed);

        Assert.NotEqual(FeatureSchema.Default.Fingerprint, other.Fingerprint);
        Assert.NotEqual(FeatureSchema.Default, other);
        Assert.NotNull(FeatureSchema.Default.DescribeMismatch(other));
    }

    [Fact]
    public void Create_SameParameters_IsEqualWithSameFingerprintAndHash()
    {
        var a = FeatureSchema.Create();
        var b = FeatureSchema.Create();

        Assert.Equal(a, b);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Null(a.DescribeMismatch(b));
    }

    [Theory]
    [InlineData(0, 64)]
    [InlineData(128, 0)]
    [InlineData(5000, 64)]
    public void Create_BucketsOutOfRange_Throws(int techniqueBuckets, int alertTypeBuckets) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureSchema.Create(techniqueBuckets, alertTypeBuckets));

    [Fact]
    public void FromJson_RoundTrip_GivesAnEqualSchema()
    {
        var schema = FeatureSchema.Create(32, 16, 99);

        var back = FeatureSchema.FromJson(schema.ToJson(), "mem");

        Assert.Equal(schema, back);
        Assert.Equal(schema.Names, back.Names);
        Assert.Equal(32, back.TechniqueBuckets);
        Assert.Equal(99u, back.HashSeed);
    }

    [Fact]
    public void ToJson_UsesTheContractFieldNames()
    {
        var json = FeatureSchema.Default.ToJson();

        foreach (var field in new[] { "version", "dimension", "hash_seed", "technique_buckets", "alert_type_buckets", "fingerprint", "names" })
        {
            Assert.Contains($"\"{field}\":", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SaveAndLoad_File_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cstm-schema-{Guid.NewGuid():N}.json");
        try
        {
            FeatureSchema.Default.Save(path);
            Assert.Equal(FeatureSchema.Default, FeatureSchema.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("version", "'version' is missing")]
    [InlineData("hash_seed", "'hash_seed' is missing")]
    [InlineData("names", "'names' is missing")]
    [InlineData("fingerprint", "'fingerprint' is missing")]
    public void FromJson_MissingField_NamesTheFieldAndSource(string field, string expected)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(FeatureSchema.Default.ToJson())!.AsObject();
        json.Remove(field);

        var e = Assert.Throws<InvalidDataException>(() => FeatureSchema.FromJson(json.ToJsonString(), "models/x/feature_schema.json"));

        Assert.Contains("models/x/feature_schema.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_OtherVersion_SaysWhichVersions()
    {
        var json = FeatureSchema.Default.ToJson().Replace("cstm-features/1", "cstm-features/0", StringComparison.Ordinal);

        var e = Assert.Throws<InvalidDataException>(() => FeatureSchema.FromJson(json, "s.json"));

        Assert.Contains("'cstm-features/0'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'cstm-features/1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_RenamedSlot_NamesTheSlot()
    {
        var json = FeatureSchema.Default.ToJson().Replace("\"gap_median_log\"", "\"gap_median\"", StringComparison.Ordinal);

        var e = Assert.Throws<InvalidDataException>(() => FeatureSchema.FromJson(json, "s.json"));

        Assert.Contains($"slot {FeatureSchema.Default.IndexOf("gap_median_log")}", e.Message, StringComparison.Ordinal);
        Assert.Contains("'gap_median'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_EditedFingerprint_IsRejected()
    {
        var json = FeatureSchema.Default.ToJson().Replace(FeatureSchema.Default.Fingerprint, "sha256:00", StringComparison.Ordinal);

        var e = Assert.Throws<InvalidDataException>(() => FeatureSchema.FromJson(json, "s.json"));

        Assert.Contains("'fingerprint'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_BrokenJson_GivesSourceAndLine()
    {
        var e = Assert.Throws<InvalidDataException>(() => FeatureSchema.FromJson("{\n\"version\": \"cstm-features/1\",\n oops }", "s.json"));

        Assert.StartsWith("s.json:3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCompatible_DifferentSeed_ThrowsNamingModelAndReason()
    {
        var model = FeatureSchema.Create(hashSeed: 7);

        var e = Assert.Throws<InvalidOperationException>(() => FeatureSchema.Default.EnsureCompatible(model, "actor-v3"));

        Assert.Contains("actor-v3", e.Message, StringComparison.Ordinal);
        Assert.Contains("hash seed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexOf_UnknownName_IsMinusOne()
    {
        Assert.Equal(-1, FeatureSchema.Default.IndexOf("nope"));
        Assert.Equal(0, FeatureSchema.Default.IndexOf("tech_ngram[0]"));
    }
}
