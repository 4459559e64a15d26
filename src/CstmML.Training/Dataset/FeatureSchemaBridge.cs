using CstmML.Core.Models;
using CstmML.Features.Featurization;

namespace CstmML.Training.Dataset;

/// <summary>The one place the featurizer's <see cref="FeatureSchema"/> becomes the model contract's <see cref="FeatureSchemaInfo"/>.</summary>
public static class FeatureSchemaBridge
{
    /// <summary>The file a model folder keeps the full schema in (names, hash seed, buckets), listed in the manifest.</summary>
    public const string FileName = "feature_schema.json";

    /// <summary>Version, dimension and fingerprint of <paramref name="schema"/>.</summary>
    public static FeatureSchemaInfo ToInfo(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new FeatureSchemaInfo(schema.Version, schema.Dimension, schema.Fingerprint);
    }

    /// <summary>The bytes of <see cref="FileName"/>: the schema's JSON, UTF-8 without BOM, LF-terminated.</summary>
    public static byte[] ToFileBytes(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return System.Text.Encoding.UTF8.GetBytes(schema.ToJson().ReplaceLineEndings("\n") + "\n");
    }
}
