namespace CstmML.Training.Simulation;

/// <summary>What <see cref="Simulator"/> generates. Every default is in <see cref="SimulationDefaults"/>.</summary>
public sealed record SimulationOptions
{
    /// <summary>Seed of every random stream: the same options give byte-identical output.</summary>
    public int Seed { get; init; } = SimulationDefaults.Seed;

    /// <summary>First simulated instant (UTC); no wall clock is ever read.</summary>
    public DateTimeOffset Start { get; init; } = SimulationDefaults.Start;

    /// <summary>Number of simulated days (1..366).</summary>
    public int Days { get; init; } = SimulationDefaults.Days;

    /// <summary>Approximate number of benign sessions; more principals are added until it is reached.</summary>
    public int BenignSequences { get; init; } = SimulationDefaults.BenignSequences;

    /// <summary>Incidents generated per actor class.</summary>
    public int IncidentsPerActor { get; init; } = SimulationDefaults.IncidentsPerActor;

    /// <summary>Minutes per CloudTrail file.</summary>
    public int CloudTrailFileMinutes { get; init; } = SimulationDefaults.CloudTrailFileMinutes;

    /// <summary>The end of the simulated period (exclusive).</summary>
    public DateTimeOffset End => Start.AddDays(Days);

    /// <summary>The problems with these options, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Days is < 1 or > 366)
        {
            problems.Add($"--days must be 1..366 (got {Days}).");
        }

        if (BenignSequences is < 0 or > 2_000_000)
        {
            problems.Add($"--sequences must be 0..2000000 (got {BenignSequences}).");
        }

        if (IncidentsPerActor is < 0 or > 100_000)
        {
            problems.Add($"--incidents-per-actor must be 0..100000 (got {IncidentsPerActor}).");
        }

        if (CloudTrailFileMinutes is < 1 or > 1440)
        {
            problems.Add($"--file-minutes must be 1..1440 (got {CloudTrailFileMinutes}).");
        }

        if (Start.Offset != TimeSpan.Zero)
        {
            problems.Add("--start must be UTC (end it with Z).");
        }

        return problems;
    }
}
