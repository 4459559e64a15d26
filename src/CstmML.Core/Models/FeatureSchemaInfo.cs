namespace CstmML.Core.Models;

/// <summary>The part of the featurizer's schema a model depends on; a model refuses features from any other schema.</summary>
/// <param name="Version">The featurizer schema version.</param>
/// <param name="Dimension">Length of every feature vector.</param>
/// <param name="Fingerprint">A stable hash of the schema (names, hash seed, buckets) that changes whenever features change.</param>
public sealed record FeatureSchemaInfo(string Version, int Dimension, string Fingerprint);
