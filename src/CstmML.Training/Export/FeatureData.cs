using Microsoft.ML;
using Microsoft.ML.Data;

namespace CstmML.Training.Export;

/// <summary>Builds ML.NET data views of a fixed feature dimension (known only at run time, so no <c>[VectorType]</c>).</summary>
internal static class FeatureData
{
    /// <summary>A features-only view.</summary>
    public static IDataView Features(MLContext ml, IEnumerable<float[]> rows, int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[MlColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return ml.Data.LoadFromEnumerable(rows.Select(f => new FeatureRow { Features = f }), schema);
    }

    /// <summary>A view with a key label of <paramref name="classes"/> values and features; Score slot k is class index k.</summary>
    public static IDataView Labelled(MLContext ml, IEnumerable<(int ClassIndex, float[] Features)> rows, int classes, int dimension)
    {
        // ML.NET reads a uint key property as a 0-based index and stores key = value + 1 (0 means missing).
        var schema = SchemaDefinition.Create(typeof(LabelledFeatureRow));
        schema[MlColumns.Label].ColumnType = new KeyDataViewType(typeof(uint), classes);
        schema[MlColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return ml.Data.LoadFromEnumerable(
            rows.Select(r => new LabelledFeatureRow { Label = (uint)r.ClassIndex, Features = r.Features }),
            schema);
    }

    /// <summary>Reads a float vector column (e.g. Score) into arrays.</summary>
    public static float[][] Vectors(IDataView view, string column) =>
        view.GetColumn<VBuffer<float>>(column).Select(v => v.DenseValues().ToArray()).ToArray();
}
