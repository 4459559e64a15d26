using CstmML.Scoring.Baselines;
using Microsoft.ML;

namespace CstmML.Training.Baselines;

/// <summary>The baseline set, its KMeans ONNX files (by relative path) and the ML.NET models behind them.</summary>
internal sealed record BaselineTrainingResult(
    BaselineSet Set,
    IReadOnlyDictionary<string, byte[]> KMeansFiles,
    IReadOnlyDictionary<string, ITransformer> KMeansModels,
    int DroppedIncidentRows);
