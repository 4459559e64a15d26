namespace CstmML.Training.Simulation;

/// <summary>A benign role archetype: its names, rhythm, API mix, clients and network origin.</summary>
internal sealed record RoleProfile
{
    /// <summary>Archetype id (written as the actor of benign label rows and referenced by actor targets).</summary>
    public required string Archetype { get; init; }

    public required CloudKind Cloud { get; init; }

    public required IdentityKind Kind { get; init; }

    /// <summary>Principal names; one identity per name per account (AWS) or per tenant/project.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    public ScheduleKind Schedule { get; init; } = ScheduleKind.WorkHours;

    /// <summary>Chance of activity on a weekday / weekend day (work-hours and rare schedules).</summary>
    public double WeekdayProbability { get; init; } = 0.8;

    public double WeekendProbability { get; init; } = 0.05;

    /// <summary>Local working hours (the account's UTC offset is added).</summary>
    public int FromHour { get; init; } = 9;

    public int ToHour { get; init; } = 18;

    /// <summary>Hours between periodic sessions.</summary>
    public double PeriodHours { get; init; } = 24;

    public int SessionsMin { get; init; } = 1;

    public int SessionsMax { get; init; } = 3;

    public int CallsMin { get; init; } = 5;

    public int CallsMax { get; init; } = 20;

    /// <summary>Weighted API mix (<c>service:EventName</c>).</summary>
    public IReadOnlyList<(string Call, double Weight)> Mix { get; init; } = [];

    /// <summary>Calls every session starts with (e.g. sign-in, caller check).</summary>
    public IReadOnlyList<string> Prologue { get; init; } = [];

    public TimingModel Timing { get; init; } = TimingModel.Automated;

    /// <summary>Median gap for manual timing, seconds.</summary>
    public double ManualMedianSeconds { get; init; } = 30;

    public double ErrorRate { get; init; } = 0.02;

    public required IReadOnlyList<string> UserAgents { get; init; }

    public IpKind Ips { get; init; } = IpKind.Corporate;

    /// <summary>Calls go to all the account's regions (scanners) instead of the home region.</summary>
    public bool SpreadRegions { get; init; }

    /// <summary>Routine provider alerts (type, chance per active day) this role raises in normal operation.</summary>
    public IReadOnlyList<AlertSpec> RoutineAlerts { get; init; } = [];
}
