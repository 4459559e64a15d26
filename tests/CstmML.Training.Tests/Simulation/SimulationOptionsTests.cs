using CstmML.Training.Simulation;

namespace CstmML.Training.Tests.Simulation;

public class SimulationOptionsTests
{
    [Fact]
    public void Defaults_ArePinned()
    {
        var o = new SimulationOptions();

        Assert.Equal((42, 14, 2000, 150, 5), (o.Seed, o.Days, o.BenignSequences, o.IncidentsPerActor, o.CloudTrailFileMinutes));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), o.Start);
        Assert.Equal(DayOfWeek.Monday, o.Start.DayOfWeek);
        Assert.Empty(o.Validate());
    }

    [Theory]
    [InlineData(0, 10, 1, "--days must be 1..366 (got 0).")]
    [InlineData(2, -1, 1, "--sequences must be 0..2000000 (got -1).")]
    [InlineData(2, 10, -5, "--incidents-per-actor must be 0..100000 (got -5).")]
    public void Validate_OutOfRange_NamesTheOption(int days, int sequences, int incidents, string message)
    {
        var problems = new SimulationOptions { Days = days, BenignSequences = sequences, IncidentsPerActor = incidents }.Validate();

        Assert.Equal(message, Assert.Single(problems));
    }

    [Fact]
    public void Validate_NonUtcStart_IsRejected()
    {
        var problems = new SimulationOptions { Start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(2)) }.Validate();

        Assert.Equal("--start must be UTC (end it with Z).", Assert.Single(problems));
    }
}
