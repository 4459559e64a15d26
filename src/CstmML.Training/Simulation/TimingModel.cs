namespace CstmML.Training.Simulation;

/// <summary>How the gaps between an actor's or role's calls are drawn.</summary>
internal enum TimingModel
{
    /// <summary>Scripts and tools: sub-second to a few seconds between calls.</summary>
    Automated,

    /// <summary>Hands on keyboard: log-normal gaps of tens of seconds to minutes.</summary>
    Manual,

    /// <summary>Tools run by a person: automated bursts inside a stage, manual pauses between stages.</summary>
    Mixed,
}
