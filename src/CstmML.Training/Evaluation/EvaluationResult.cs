using System.Text.Json.Nodes;

namespace CstmML.Training.Evaluation;

/// <summary>Metrics of a model on an evaluation set, with the curves behind the report's plots.</summary>
public sealed record EvaluationResult
{
    /// <summary>The nested metrics JSON (keys in <see cref="MetricKeys"/>).</summary>
    public required JsonObject Metrics { get; init; }

    public required ClassificationReport Actor { get; init; }

    public required ClassificationReport MarkovActor { get; init; }

    public required IReadOnlyList<ReliabilityBin> ReliabilityUncalibrated { get; init; }

    public required IReadOnlyList<ReliabilityBin> ReliabilityCalibrated { get; init; }

    public required IReadOnlyList<(double Fpr, double Tpr)> Roc { get; init; }

    public required IReadOnlyList<(double Fpr, double Tpr)> MarkovRoc { get; init; }

    /// <summary>Scalar metrics flattened with dots (per-class and per-role entries left out).</summary>
    public IReadOnlyDictionary<string, double> Scalars => Flatten(Metrics);

    /// <summary>The metrics JSON as UTF-8 bytes (indented, LF).</summary>
    public byte[] MetricsUtf8() =>
        System.Text.Encoding.UTF8.GetBytes(Metrics.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n");

    private static SortedDictionary<string, double> Flatten(JsonObject root)
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        void Walk(JsonObject node, string prefix)
        {
            foreach (var (key, value) in node)
            {
                if (key is MetricKeys.PerClass or MetricKeys.PerRole)
                {
                    continue;
                }

                var path = prefix.Length == 0 ? key : prefix + "." + key;
                if (value is JsonObject child)
                {
                    Walk(child, path);
                }
                else if (value is JsonValue v && v.TryGetValue<double>(out var d))
                {
                    result[path] = d;
                }
                else if (value is JsonValue i && i.TryGetValue<int>(out var n))
                {
                    result[path] = n;
                }
            }
        }

        Walk(root, string.Empty);
        return result;
    }
}
