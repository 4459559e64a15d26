using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CstmML.Core.Hashing;

namespace CstmML.Features.Featurization;

/// <summary>
/// The versioned description of the feature vector: layout version, hash seed, bucket counts and one name per slot,
/// with a SHA-256 <see cref="Fingerprint"/> over all of them. Saved beside every model so a scorer can refuse a
/// model whose inputs were computed differently.
/// </summary>
public sealed record FeatureSchema
{
    private readonly FrozenDictionary<string, int> _index;

    private FeatureSchema(uint hashSeed, FeatureLayout layout)
    {
        Version = FeatureSchemaDefaults.Version;
        HashSeed = hashSeed;
        TechniqueBuckets = layout.TechniqueBuckets;
        AlertTypeBuckets = layout.AlertTypeBuckets;
        Layout = layout;
        Names = Array.AsReadOnly(layout.Names);
        _index = layout.Names.Select((n, i) => (n, i)).ToFrozenDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        Fingerprint = ComputeFingerprint(Version, HashSeed, TechniqueBuckets, AlertTypeBuckets, Names);
    }

    /// <summary>The schema of this build with default bucket counts and seed.</summary>
    public static FeatureSchema Default { get; } = Create();

    /// <summary>The layout version, e.g. <c>cstm-features/1</c>.</summary>
    public string Version { get; }

    /// <summary>Number of floats in a feature vector.</summary>
    public int Dimension => Names.Count;

    /// <summary>Seed of every feature hash.</summary>
    public uint HashSeed { get; }

    /// <summary>Slots of the hashed technique n-gram block.</summary>
    public int TechniqueBuckets { get; }

    /// <summary>Slots of the hashed alert-type n-gram block.</summary>
    public int AlertTypeBuckets { get; }

    /// <summary>One name per slot, in vector order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary><c>sha256:</c> and the hex SHA-256 of version, dimension, seed, bucket counts and names.</summary>
    public string Fingerprint { get; }

    internal FeatureLayout Layout { get; }

    /// <summary>Builds the schema of this build's layout for the given bucket counts and seed.</summary>
    public static FeatureSchema Create(
        int techniqueBuckets = FeatureSchemaDefaults.TechniqueBuckets,
        int alertTypeBuckets = FeatureSchemaDefaults.AlertTypeBuckets,
        uint hashSeed = FeatureSchemaDefaults.HashSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(techniqueBuckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(techniqueBuckets, FeatureSchemaDefaults.MaxBuckets);
        ArgumentOutOfRangeException.ThrowIfLessThan(alertTypeBuckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alertTypeBuckets, FeatureSchemaDefaults.MaxBuckets);
        return new FeatureSchema(hashSeed, new FeatureLayout(techniqueBuckets, alertTypeBuckets));
    }

    /// <summary>The slot of a feature name, or -1 when the schema has no such slot.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Null when <paramref name="other"/> describes the same vector; otherwise what differs, in words.</summary>
    public string? DescribeMismatch(FeatureSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Fingerprint == other.Fingerprint)
        {
            return null;
        }

        if (Version != other.Version)
        {
            return $"feature schema version differs: '{other.Version}' vs '{Version}'";
        }

        if (HashSeed != other.HashSeed)
        {
            return $"feature hash seed differs: {other.HashSeed} vs {HashSeed}";
        }

        if (TechniqueBuckets != other.TechniqueBuckets || AlertTypeBuckets != other.AlertTypeBuckets)
        {
            return $"feature bucket counts differ: technique {other.TechniqueBuckets}/alert type {other.AlertTypeBuckets} vs {TechniqueBuckets}/{AlertTypeBuckets}";
        }

        return FirstNameDifference(other.Names, Names) ?? "feature schema fingerprints differ";
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> saying what differs when <paramref name="model"/> is not this schema.</summary>
    public void EnsureCompatible(FeatureSchema model, string modelName)
    {
        if (DescribeMismatch(model) is { } why)
        {
            throw new InvalidOperationException(
                $"Model '{modelName}' was trained on features this build does not compute ({why}; model {model.Fingerprint}, code {Fingerprint}). Retrain it or use a matching build.");
        }
    }

    /// <summary>The schema as indented JSON (field names in <see cref="FeatureSchemaJson"/>).</summary>
    public string ToJson() =>
        JsonSerializer.Serialize(
            new FeatureSchemaDocument
            {
                Version = Version,
                Dimension = Dimension,
                HashSeed = HashSeed,
                TechniqueBuckets = TechniqueBuckets,
                AlertTypeBuckets = AlertTypeBuckets,
                Fingerprint = Fingerprint,
                Names = Names,
            },
            FeatureSchemaJsonContext.Default.FeatureSchemaDocument);

    /// <summary>
    /// Reads a saved schema and checks it against this build: version, every field present, dimension, names and
    /// fingerprint. Throws <see cref="InvalidDataException"/> naming <paramref name="source"/> and the field.
    /// </summary>
    public static FeatureSchema FromJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        FeatureSchemaDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(json, FeatureSchemaJsonContext.Default.FeatureSchemaDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}:{(e.LineNumber ?? 0) + 1}: not a feature schema ({e.Message})", e);
        }

        if (doc is null)
        {
            throw new InvalidDataException($"{source}: the feature schema is empty (null).");
        }

        var version = doc.Version ?? throw Missing(source, FeatureSchemaJson.Version);
        if (version != FeatureSchemaDefaults.Version)
        {
            throw new InvalidDataException(
                $"{source}: field '{FeatureSchemaJson.Version}' is '{version}' but this build computes '{FeatureSchemaDefaults.Version}'; retrain the model or use a matching build.");
        }

        var seed = doc.HashSeed ?? throw Missing(source, FeatureSchemaJson.HashSeed);
        var tb = doc.TechniqueBuckets ?? throw Missing(source, FeatureSchemaJson.TechniqueBuckets);
        var atb = doc.AlertTypeBuckets ?? throw Missing(source, FeatureSchemaJson.AlertTypeBuckets);
        var dimension = doc.Dimension ?? throw Missing(source, FeatureSchemaJson.Dimension);
        var names = doc.Names ?? throw Missing(source, FeatureSchemaJson.Names);
        var fingerprint = doc.Fingerprint ?? throw Missing(source, FeatureSchemaJson.Fingerprint);
        if (tb is < 1 or > FeatureSchemaDefaults.MaxBuckets)
        {
            throw Invalid(source, FeatureSchemaJson.TechniqueBuckets, $"{tb} is outside 1..{FeatureSchemaDefaults.MaxBuckets}");
        }

        if (atb is < 1 or > FeatureSchemaDefaults.MaxBuckets)
        {
            throw Invalid(source, FeatureSchemaJson.AlertTypeBuckets, $"{atb} is outside 1..{FeatureSchemaDefaults.MaxBuckets}");
        }

        var schema = Create(tb, atb, seed);
        if (dimension != schema.Dimension || names.Count != schema.Dimension)
        {
            throw Invalid(source, FeatureSchemaJson.Dimension, $"the file has {dimension} slots and {names.Count} names; this build's layout has {schema.Dimension}");
        }

        if (FirstNameDifference(names, schema.Names) is { } diff)
        {
            throw Invalid(source, FeatureSchemaJson.Names, diff);
        }

        if (!string.Equals(fingerprint, schema.Fingerprint, StringComparison.Ordinal))
        {
            throw Invalid(source, FeatureSchemaJson.Fingerprint, $"'{fingerprint}' does not match the recomputed '{schema.Fingerprint}'");
        }

        return schema;
    }

    /// <summary>Writes the schema JSON to <paramref name="path"/> (by convention <see cref="FeatureSchemaDefaults.FileName"/> beside the model).</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson() + "\n", new UTF8Encoding(false));

    /// <summary>Reads and checks a schema file (see <see cref="FromJson"/>).</summary>
    public static FeatureSchema Load(string path) => FromJson(File.ReadAllText(path), path);

    public bool Equals(FeatureSchema? other) => other is not null && Fingerprint == other.Fingerprint;

    public override int GetHashCode() => (int)StableHash.Fnv1a32(Fingerprint);

    private static string ComputeFingerprint(string version, uint seed, int tb, int atb, IReadOnlyList<string> names)
    {
        var text = new StringBuilder();
        text.Append(version).Append('\n')
            .Append(names.Count.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(seed.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(tb.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(atb.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var n in names)
        {
            text.Append(n).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }

    private static string? FirstNameDifference(IReadOnlyList<string> actual, IReadOnlyList<string> expected)
    {
        for (var i = 0; i < Math.Min(actual.Count, expected.Count); i++)
        {
            if (!string.Equals(actual[i], expected[i], StringComparison.Ordinal))
            {
                return $"slot {i} is named '{actual[i]}' but this build's layout names it '{expected[i]}'";
            }
        }

        return actual.Count == expected.Count ? null : $"{actual.Count} names vs {expected.Count} in this build's layout";
    }

    private static InvalidDataException Missing(string source, string field) =>
        new($"{source}: field '{field}' is missing from the feature schema.");

    private static InvalidDataException Invalid(string source, string field, string why) =>
        new($"{source}: field '{field}': {why}.");
}
