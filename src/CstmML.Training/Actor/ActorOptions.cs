namespace CstmML.Training.Actor;

/// <summary>Actor classifier training settings; defaults in <see cref="ActorConstants"/>.</summary>
public sealed record ActorOptions
{
    /// <summary>Trainers compared on the validation (calibration) fold; the lowest log-loss wins, earlier on ties.</summary>
    public IReadOnlyList<ActorTrainerKind> Trainers { get; init; } =
        [ActorTrainerKind.LightGbm, ActorTrainerKind.LbfgsMaximumEntropy, ActorTrainerKind.SdcaMaximumEntropy];

    public int LightGbmIterations { get; init; } = ActorConstants.LightGbmIterations;

    public int LightGbmLeaves { get; init; } = ActorConstants.LightGbmLeaves;

    public double LightGbmLearningRate { get; init; } = ActorConstants.LightGbmLearningRate;

    public int LightGbmMinLeafRows { get; init; } = ActorConstants.LightGbmMinLeafRows;

    public int LinearMaxIterations { get; init; } = ActorConstants.LinearMaxIterations;

    public double TargetAcceptedAccuracy { get; init; } = ActorConstants.TargetAcceptedAccuracy;

    public double MinCoverage { get; init; } = ActorConstants.MinCoverage;

    public double OodQuantile { get; init; } = ActorConstants.OodQuantile;
}
