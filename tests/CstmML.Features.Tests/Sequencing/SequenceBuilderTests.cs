using CstmML.Features.Sequencing;
using CstmML.Testing;

namespace CstmML.Features.Tests.Sequencing;

public class SequenceBuilderTests
{
    [Fact]
    public void SequenceId_SameInputs_IsStableAcrossCalls()
    {
        var a = SequenceBuilder.SequenceId("1", "p", AlertBuilder.T0, "x");
        Assert.Equal(a, SequenceBuilder.SequenceId("1", "p", AlertBuilder.T0.ToOffset(TimeSpan.FromHours(2)), "x"));
        Assert.Matches("^s:[0-9a-f]{16}$", a);
    }

    [Fact]
    public void SequenceId_AnyPartChanged_Differs()
    {
        var a = SequenceBuilder.SequenceId("1", "p", AlertBuilder.T0, "x");
        Assert.NotEqual(a, SequenceBuilder.SequenceId("2", "p", AlertBuilder.T0, "x"));
        Assert.NotEqual(a, SequenceBuilder.SequenceId("1", "q", AlertBuilder.T0, "x"));
        Assert.NotEqual(a, SequenceBuilder.SequenceId("1", "p", AlertBuilder.T0.AddTicks(1), "x"));
        Assert.NotEqual(a, SequenceBuilder.SequenceId("1", "p", AlertBuilder.T0, "y"));
        Assert.NotEqual(SequenceBuilder.SequenceId("1p", "", AlertBuilder.T0, "x"), SequenceBuilder.SequenceId("1", "p", AlertBuilder.T0, "x"));
    }

    [Fact]
    public void SequenceRecords_From_CopiesTheContractFields()
    {
        var alerts = new[]
        {
            AlertBuilder.Alert().Id("1").Type("A").Build(),
            AlertBuilder.Alert().Id("2").Type("B").At(TimeSpan.FromSeconds(90)).Build(),
        };
        var seq = SequenceBuilder.Build(new SequenceKey("111122223333", "arn:aws:iam::111122223333:role/app"), alerts);
        var rec = SequenceRecords.From(new SequenceUpdate(seq, SequenceUpdateKind.Closed, [], 0));
        Assert.Equal((2, 90.0, "role"), (rec.AlertCount, rec.DurationSeconds, rec.PrincipalType));
        Assert.Equal(["1", "2"], rec.AlertIds);
        Assert.Equal(["A", "B"], rec.Types);
        Assert.Null(rec.Replaces);
    }
}
