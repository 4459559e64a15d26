namespace CstmML.Training.Actor;

/// <summary>The multiclass trainers compared for the actor classifier.</summary>
public enum ActorTrainerKind
{
    /// <summary>LightGBM multiclass, one thread (more threads stall on 2-core machines).</summary>
    LightGbm,

    /// <summary>L-BFGS maximum entropy (multinomial logistic regression).</summary>
    LbfgsMaximumEntropy,

    /// <summary>SDCA maximum entropy.</summary>
    SdcaMaximumEntropy,
}
