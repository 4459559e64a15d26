namespace CstmML.Features.Featurization;

/// <summary>The defaults of <see cref="FeatureSchema"/>; changing any of them changes every model's inputs.</summary>
public static class FeatureSchemaDefaults
{
    /// <summary>The layout version this code writes and reads. Bump it whenever a slot's meaning or order changes.</summary>
    public const string Version = "cstm-features/1";

    /// <summary>Hashed technique n-gram slots: 169 cloud-relevant techniques, so ~2/3 of their 1-grams get a slot of their own.</summary>
    public const int TechniqueBuckets = 256;

    /// <summary>Hashed alert-type n-gram slots (product:type); fewer, because types are far more varied and sparse.</summary>
    public const int AlertTypeBuckets = 128;

    /// <summary>Seed of every feature hash ("CSML"); part of the schema so a model never meets differently-hashed inputs.</summary>
    public const uint HashSeed = 0x43534D4C;

    /// <summary>The largest bucket count a schema accepts (keeps vectors small enough to score in microseconds).</summary>
    public const int MaxBuckets = 4096;

    /// <summary>File name of the schema saved beside each model.</summary>
    public const string FileName = "feature_schema.json";
}
