using CstmML.Scoring.Actor;
using Microsoft.ML;

namespace CstmML.Training.Actor;

/// <summary>What the actor trainer produced: the ONNX model, its calibration and abstention parameters, and the files beside it.</summary>
internal sealed record ActorTrainingResult
{
    public required byte[] Onnx { get; init; }

    public required IReadOnlyList<string> Classes { get; init; }

    public required string Trainer { get; init; }

    public required double Temperature { get; init; }

    public required double AbstainThreshold { get; init; }

    public required double OodThreshold { get; init; }

    public required ActorCentroids Centroids { get; init; }

    public required ActorEvidence Evidence { get; init; }

    public required IReadOnlyList<TrainerCandidate> Candidates { get; init; }

    /// <summary>ECE on the calibration fold before temperature scaling.</summary>
    public required double CalibrationEceBefore { get; init; }

    /// <summary>ECE on the calibration fold after temperature scaling (in-sample for T).</summary>
    public required double CalibrationEceAfter { get; init; }

    /// <summary>The chosen ML.NET model, kept for parity checks.</summary>
    public required ITransformer MlNetModel { get; init; }
}
