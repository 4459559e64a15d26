using CstmML.Scoring.Onnx;
using Microsoft.ML.Data;

namespace CstmML.Scoring.Tests.Onnx;

public class OnnxModelSessionTests
{
    private static byte[] Onnx => TinyOnnxModels.Classifier.Value.Onnx;

    [Fact]
    public void Constructor_FeaturesOnlyModel_ReadsInputAndOutputShape()
    {
        using var session = new OnnxModelSession(Onnx, "Score.output");

        Assert.Equal("Features", session.InputName);
        Assert.Equal(TinyOnnxModels.Dimension, session.InputDimension);
        Assert.Equal(3, session.OutputDimension);
    }

    [Fact]
    public void Run_Batch_MatchesMlNetWithin1e4()
    {
        var (_, model, ml) = TinyOnnxModels.Classifier.Value;
        var rows = TinyOnnxModels.Rows(50, 2);
        using var session = new OnnxModelSession(Onnx, "Score.output");

        var actual = session.Run(rows);
        var expected = model.Transform(TinyOnnxModels.View(ml, rows)).GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();

        Assert.Equal(rows.Length, actual.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                Assert.InRange(actual[i][k] - expected[i][k], -1e-4f, 1e-4f);
            }
        }
    }

    [Fact]
    public void Run_Concurrently_SameAsSequential()
    {
        var rows = TinyOnnxModels.Rows(64, 3);
        using var session = new OnnxModelSession(Onnx, "Score.output");
        var sequential = rows.Select(r => session.Run([r])[0]).ToArray();

        var parallel = new float[rows.Length][];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = session.Run([rows[i]])[0]);

        Assert.All(Enumerable.Range(0, rows.Length), i => Assert.Equal(sequential[i], parallel[i]));
    }

    [Fact]
    public void Run_WrongFeatureCount_ThrowsNamingDimensions()
    {
        using var session = new OnnxModelSession(Onnx, "Score.output", "tiny.onnx");

        var ex = Assert.Throws<ArgumentException>(() => session.Run([new float[3]]));

        Assert.Contains("tiny.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("takes 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmptyBatch_ReturnsEmpty()
    {
        using var session = new OnnxModelSession(Onnx, "Score.output");

        Assert.Empty(session.Run(Array.Empty<float[]>()));
    }

    [Fact]
    public void Constructor_NotOnnx_ThrowsInvalidData()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new OnnxModelSession([1, 2, 3, 4], "Score.output", "junk.onnx"));

        Assert.Contains("junk.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownOutput_ThrowsListingOutputs()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new OnnxModelSession(Onnx, "Nope"));

        Assert.Contains("Score.output", ex.Message, StringComparison.Ordinal);
    }
}
