namespace CstmML.Training.Simulation;

/// <summary>One step of an actor's playbook: API calls and/or provider alerts, with the variation the generator applies.</summary>
/// <param name="Name">Short stage name (kill-chain step), kept in the manifest.</param>
/// <param name="Probability">Chance the stage happens at all in one incident.</param>
/// <param name="Calls">API calls as <c>service:EventName</c>, in their usual order.</param>
internal sealed record ActorStage(string Name, double Probability, IReadOnlyList<string> Calls)
{
    /// <summary>How many times the stage's call list runs (uniform, inclusive).</summary>
    public int RepeatMin { get; init; } = 1;

    public int RepeatMax { get; init; } = 1;

    /// <summary>When set, each run uses a random subset (at least <see cref="SampleMin"/>) of the calls in random order.</summary>
    public bool Sample { get; init; }

    public int SampleMin { get; init; } = 1;

    /// <summary>Chance each call is skipped in an ordered (non-sampled) stage.</summary>
    public double DropRate { get; init; } = 0.1;

    /// <summary>Chance each call fails (AccessDenied or the service's equivalent).</summary>
    public double ErrorRate { get; init; }

    /// <summary>Calls go to random regions (region sweeps, miners launched everywhere).</summary>
    public bool SpreadRegions { get; init; }

    /// <summary>Alerts the stage may raise, timed at the stage's last call.</summary>
    public IReadOnlyList<AlertSpec> Alerts { get; init; } = [];

    /// <summary>ATT&amp;CK techniques the stage stands for (documentation and manifest; mapping is ingestion's job).</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];
}
