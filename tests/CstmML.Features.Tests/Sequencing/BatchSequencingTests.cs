using CstmML.Core.Alerts;
using CstmML.Features.Sequencing;
using static CstmML.Testing.AlertBuilder;

namespace CstmML.Features.Tests.Sequencing;

public class BatchSequencingTests
{
    private static readonly SequencerOptions Hourly = new() { MaxGap = TimeSpan.FromHours(1), Lateness = TimeSpan.Zero };

    private static NormalizedAlert At(string id, double minutes, string principal = "p") =>
        Alert().Id(id).At(TimeSpan.FromMinutes(minutes)).Principal(principal).Build();

    [Fact]
    public void Sequence_AlertsInAnyOrder_SameSessionsAsSortedWithZeroLateness()
    {
        // Zero lateness: a streaming sequencer would split the late "a" into its own session; the batch sorts first.
        var alerts = new[] { At("c", 200), At("b", 30), At("a", 0), At("d", 210, "q") };

        var sequences = BatchSequencing.Sequence(alerts, Hourly);

        Assert.Equal([["a", "b"], ["c"], ["d"]], sequences.Select(s => s.Alerts.Select(a => a.Id).ToArray()).ToArray());
    }

    [Fact]
    public void Sequence_DuplicateIds_KeptOnce()
    {
        var sequences = BatchSequencing.Sequence([At("a", 0), At("a", 0), At("b", 1)], Hourly);

        Assert.Equal(["a", "b"], Assert.Single(sequences).Alerts.Select(a => a.Id));
    }

    [Fact]
    public void Sequence_NoAlerts_NoSequences()
    {
        Assert.Empty(BatchSequencing.Sequence([]));
    }

    [Fact]
    public void Sequence_NullAlerts_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => BatchSequencing.Sequence(null!));
    }
}
