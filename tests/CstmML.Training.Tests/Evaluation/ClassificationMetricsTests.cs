using CstmML.Training.Evaluation;

namespace CstmML.Training.Tests.Evaluation;

public class ClassificationMetricsTests
{
    [Fact]
    public void Compute_AbstentionOnKnownActor_CountsAsMissNotFalsePositive()
    {
        var report = ClassificationMetrics.Compute(["a", "a", "b"], ["a", "unknown", "b"], ["a", "b"]);

        var a = report.PerClass.Single(c => c.Label == "a");
        Assert.Equal(1.0, a.Precision);
        Assert.Equal(0.5, a.Recall);
        Assert.Equal(1.0 / 3, report.AbstainRate, 12);
        Assert.Equal((2.0 / 3 + 1.0) / 2, report.MacroF1, 12);
    }

    [Fact]
    public void Compute_UnseenActorNamed_IsFalsePositiveOfNamedClass()
    {
        var report = ClassificationMetrics.Compute(["a", "zeta", "zeta"], ["a", "a", "unknown"], ["a", "b"]);

        Assert.Equal(0.5, report.PerClass[0].Precision);
        Assert.Equal(0.5, report.OpenSetAbstainRate);
        Assert.Equal(1, report.Confusion[2, 0]);
    }
}
