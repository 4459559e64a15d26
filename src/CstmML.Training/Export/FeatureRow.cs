namespace CstmML.Training.Export;

/// <summary>An ML.NET row with only a feature vector (the ONNX input view).</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];
}
