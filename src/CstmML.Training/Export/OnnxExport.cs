using Microsoft.ML;

namespace CstmML.Training.Export;

/// <summary>
/// Exports only the scoring part of an ML.NET model with a features-only input (ML-STACK-NOTES §2: exporting a chain
/// that still holds the label mapping makes the label a required ONNX input).
/// </summary>
internal static class OnnxExport
{
    /// <summary>ONNX bytes of <paramref name="model"/> with input <c>Features float[-1, dimension]</c> and the named outputs.</summary>
    public static byte[] ToBytes(MLContext ml, ITransformer model, int dimension, params string[] outputColumns)
    {
        var view = FeatureData.Features(ml, [new float[dimension]], dimension);
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, view, stream, outputColumns);
        return stream.ToArray();
    }
}
