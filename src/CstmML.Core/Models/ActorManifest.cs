namespace CstmML.Core.Models;

/// <summary>The actor classifier's files and its calibration and abstention parameters.</summary>
public sealed record ActorManifest
{
    /// <summary>The ONNX file (features-only input, class probabilities out).</summary>
    public required string OnnxFile { get; init; }

    public required string InputName { get; init; }

    /// <summary>The ONNX output holding one probability per class, in <see cref="ClassLabels"/> order.</summary>
    public required string ScoreOutput { get; init; }

    public required IReadOnlyList<string> ClassLabels { get; init; }

    /// <summary>The ML.NET trainer chosen on the validation fold.</summary>
    public required string Trainer { get; init; }

    /// <summary>Temperature T: calibrated p = softmax(log p / T), fitted on the calibration fold.</summary>
    public required double Temperature { get; init; }

    /// <summary>Answer "unknown" when the calibrated top probability is below this.</summary>
    public required double AbstainThreshold { get; init; }

    /// <summary>Answer "unknown" when the distance to the nearest class centroid is above this.</summary>
    public required double OodDistanceThreshold { get; init; }

    /// <summary>The quantile of calibration-fold distances that set <see cref="OodDistanceThreshold"/>.</summary>
    public required double OodQuantile { get; init; }

    /// <summary>JSON with one centroid per class (the out-of-distribution check).</summary>
    public required string CentroidsFile { get; init; }

    /// <summary>JSON with per-class technique frequencies (candidate evidence).</summary>
    public required string EvidenceFile { get; init; }

    /// <summary>The label of an abstention.</summary>
    public string UnknownLabel { get; init; } = ModelConstants.UnknownActor;
}
