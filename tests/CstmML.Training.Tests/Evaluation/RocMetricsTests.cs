using CstmML.Training.Evaluation;

namespace CstmML.Training.Tests.Evaluation;

public class RocMetricsTests
{
    [Fact]
    public void Auc_SeparatedScores_IsOne() =>
        Assert.Equal(1.0, RocMetrics.Auc([0.9, 0.8, 0.1, 0.2], [true, true, false, false]));

    [Fact]
    public void Auc_AllTied_IsHalf() =>
        Assert.Equal(0.5, RocMetrics.Auc([1, 1, 1, 1], [true, false, true, false]));

    [Fact]
    public void Auc_OneInversion_CountsIt() =>
        // Pairs (pos, neg): (0.9,0.5) ok, (0.9,0.7) ok, (0.6,0.5) ok, (0.6,0.7) wrong -> 3/4.
        Assert.Equal(0.75, RocMetrics.Auc([0.9, 0.6, 0.5, 0.7], [true, true, false, false]));

    [Fact]
    public void Auc_OneClassOnly_IsNull() =>
        Assert.Null(RocMetrics.Auc([0.1, 0.2], [false, false]));

    [Fact]
    public void TprAtFpr_StrictestThreshold_CountsPositivesAboveTopNegative()
    {
        // 10 negatives 0..0.9; at 1% FPR no negative may pass, so the threshold is 0.9.
        var negatives = Enumerable.Range(0, 10).Select(i => i / 10.0);
        double[] positives = [0.95, 0.85, 2.0, 0.5];
        var scores = negatives.Concat(positives).ToArray();
        var labels = scores.Select((_, i) => i >= 10).ToArray();

        Assert.Equal(0.5, RocMetrics.TprAtFpr(scores, labels, 0.01));
    }

    [Fact]
    public void Curve_EndsAtOneOne()
    {
        var curve = RocMetrics.Curve([0.9, 0.1, 0.5], [true, false, true]);

        Assert.Equal((0.0, 0.0), curve[0]);
        Assert.Equal((1.0, 1.0), curve[^1]);
    }
}
