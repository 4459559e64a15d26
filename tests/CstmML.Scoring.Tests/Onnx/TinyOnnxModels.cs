using Microsoft.ML;
using Microsoft.ML.Data;

namespace CstmML.Scoring.Tests.Onnx;

/// <summary>Builds a tiny 3-class, 4-feature ONNX model with ML.NET on seeded data (no files shipped).</summary>
internal static class TinyOnnxModels
{
    public const int Dimension = 4;

    public static readonly Lazy<(byte[] Onnx, ITransformer Model, MLContext Ml)> Classifier = new(Build);

    public static float[][] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, Dimension).Select(_ => (float)random.NextDouble()).ToArray())];
    }

    public static IDataView View(MLContext ml, IEnumerable<float[]> rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Dimension);
        return ml.Data.LoadFromEnumerable(rows.Select(f => new Row { Features = f }), schema);
    }

    private static (byte[], ITransformer, MLContext) Build()
    {
        var ml = new MLContext(1);
        var rows = Rows(300, 1);
        var schema = SchemaDefinition.Create(typeof(LabelledRow));
        schema[nameof(LabelledRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), 3);
        schema[nameof(LabelledRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Dimension);
        // Class = which third of [0, 1) the first feature falls in (0-based key index).
        var train = ml.Data.LoadFromEnumerable(rows.Select(f => new LabelledRow { Label = (uint)Math.Min(2, (int)(f[0] * 3)), Features = f }), schema);
        var model = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy().Fit(train);
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, View(ml, rows.Take(1)), stream, "Score");
        return (stream.ToArray(), model, ml);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class LabelledRow
    {
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
