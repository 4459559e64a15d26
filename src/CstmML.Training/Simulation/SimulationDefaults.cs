namespace CstmML.Training.Simulation;

/// <summary>The documented defaults of <see cref="SimulationOptions"/> (the checked-in corpus uses all of them).</summary>
public static class SimulationDefaults
{
    /// <summary>Seed of every random stream.</summary>
    public const int Seed = 42;

    /// <summary>Simulated days.</summary>
    public const int Days = 14;

    /// <summary>Approximate number of benign sessions (sequences) to generate.</summary>
    public const int BenignSequences = 2000;

    /// <summary>Incidents per actor class.</summary>
    public const int IncidentsPerActor = 150;

    /// <summary>Minutes covered by one CloudTrail log file (CloudTrail delivers about every 5 minutes).</summary>
    public const int CloudTrailFileMinutes = 5;

    /// <summary>Version of the generator; bump when the output for a given seed changes.</summary>
    public const string GeneratorVersion = "1.0.0";

    /// <summary>First simulated instant: a Monday, 00:00 UTC.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
}
