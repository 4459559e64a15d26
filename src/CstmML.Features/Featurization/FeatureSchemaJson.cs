namespace CstmML.Features.Featurization;

/// <summary>The JSON field names of a saved <see cref="FeatureSchema"/> (a contract: the scorer and training read them).</summary>
public static class FeatureSchemaJson
{
    public const string Version = "version";
    public const string Dimension = "dimension";
    public const string HashSeed = "hash_seed";
    public const string TechniqueBuckets = "technique_buckets";
    public const string AlertTypeBuckets = "alert_type_buckets";
    public const string Fingerprint = "fingerprint";
    public const string Names = "names";
}
