using Microsoft.ML.OnnxRuntime;

namespace CstmML.Scoring.Onnx;

/// <summary>
/// A long-lived ONNX Runtime session for a model with one <c>float[N, dim]</c> input and one float output.
/// Thread-safe: <see cref="InferenceSession"/> allows concurrent runs, and each call owns its buffers.
/// </summary>
public sealed class OnnxModelSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    /// <summary>Opens a session over ONNX bytes (one intra-op thread: a second one only slows a 2-core host).</summary>
    public OnnxModelSession(byte[] model, string outputName, string source = "<memory>")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(outputName);
        Source = source;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"{source}: not a loadable ONNX model ({ex.Message}).", ex);
        }

        var inputs = _session.InputMetadata;
        if (inputs.Count != 1)
        {
            _session.Dispose();
            throw new InvalidDataException($"{source}: expected one input, found {inputs.Count} ({string.Join(", ", inputs.Keys)}).");
        }

        var (inputName, inputMeta) = inputs.First();
        InputName = inputName;
        InputDimension = inputMeta.Dimensions.Length == 2 ? inputMeta.Dimensions[1] : -1;
        if (InputDimension <= 0 || inputMeta.ElementType != typeof(float))
        {
            _session.Dispose();
            throw new InvalidDataException($"{source}: input '{inputName}' must be float[N, dim] with a fixed dim.");
        }

        if (!_session.OutputMetadata.TryGetValue(outputName, out var outputMeta))
        {
            var names = string.Join(", ", _session.OutputMetadata.Keys);
            _session.Dispose();
            throw new InvalidDataException($"{source}: no output '{outputName}' (outputs: {names}).");
        }

        OutputName = outputName;
        OutputDimension = outputMeta.Dimensions.Length == 2 ? outputMeta.Dimensions[1] : 1;
        _inputNames = [InputName];
        _outputNames = [OutputName];
    }

    /// <summary>Where the model came from (a path, for error messages).</summary>
    public string Source { get; }

    public string InputName { get; }

    public int InputDimension { get; }

    public string OutputName { get; }

    /// <summary>Floats per row in the output (-1 when the model leaves it symbolic).</summary>
    public int OutputDimension { get; }

    /// <summary>Opens a session over an ONNX file.</summary>
    public static OnnxModelSession FromFile(string path, string outputName) =>
        new(File.ReadAllBytes(path), outputName, path);

    /// <summary>Scores <paramref name="rowCount"/> rows laid out row-major in <paramref name="rows"/>; returns the output row-major.</summary>
    public float[] Run(ReadOnlySpan<float> rows, int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (rows.Length != rowCount * InputDimension)
        {
            throw new ArgumentException(
                $"{Source}: expected {rowCount} x {InputDimension} = {rowCount * InputDimension} floats, got {rows.Length}.",
                nameof(rows));
        }

        // The OrtValue wraps (pins) the buffer, so it must be ours alone for the call.
        return rowCount == 0 ? [] : RunOwned(rows.ToArray(), rowCount);
    }

    /// <summary>
    /// Scores the first <paramref name="rowCount"/> rows of <paramref name="buffer"/> without copying them: the caller
    /// owns the buffer for the call (a per-call or per-thread array) and may keep more floats after those rows.
    /// </summary>
    internal float[] RunOwned(float[] buffer, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        var floats = rowCount * InputDimension;
        if (buffer.Length < floats)
        {
            throw new ArgumentException($"{Source}: expected at least {rowCount} x {InputDimension} = {floats} floats, got {buffer.Length}.", nameof(buffer));
        }

        if (rowCount == 0)
        {
            return [];
        }

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, floats), [rowCount, InputDimension]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, [input], _outputNames);
        var result = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        if (result.Length % rowCount != 0)
        {
            throw new InvalidDataException($"{Source}: output '{OutputName}' has {result.Length} floats for {rowCount} rows.");
        }

        return result;
    }

    /// <summary>Scores a batch of feature vectors; one output row per input row.</summary>
    public float[][] Run(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var flat = new float[rows.Count * InputDimension];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != InputDimension)
            {
                throw new ArgumentException($"{Source}: row {i} has {rows[i].Length} features, the model takes {InputDimension}.", nameof(rows));
            }

            rows[i].CopyTo(flat, i * InputDimension);
        }

        // flat is this call's own array: no second copy.
        var output = RunOwned(flat, rows.Count);
        var width = rows.Count == 0 ? 0 : output.Length / rows.Count;
        var result = new float[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = output.AsSpan(i * width, width).ToArray();
        }

        return result;
    }

    public void Dispose() => _session.Dispose();
}
