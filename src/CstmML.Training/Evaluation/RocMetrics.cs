namespace CstmML.Training.Evaluation;

/// <summary>ROC-AUC (tie-aware rank statistic), TPR at a fixed FPR, and ROC points, with positives scoring higher.</summary>
public static class RocMetrics
{
    /// <summary>P(score of a random positive &gt; a random negative), ties counted half; null without both classes.</summary>
    public static double? Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        Check(scores, positive);
        var nPos = positive.Count(p => p);
        var nNeg = positive.Count - nPos;
        if (nPos == 0 || nNeg == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var rankSum = 0.0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            // Average 1-based rank of the tie block.
            var rank = ((i + 1) + (j + 1)) / 2.0;
            for (var k = i; k <= j; k++)
            {
                if (positive[order[k]])
                {
                    rankSum += rank;
                }
            }

            i = j + 1;
        }

        return (rankSum - (nPos * (nPos + 1) / 2.0)) / ((double)nPos * nNeg);
    }

    /// <summary>
    /// TPR at the strictest threshold whose FPR is at most <paramref name="fpr"/>: a sequence is flagged when its score
    /// is above the threshold. Null without both classes.
    /// </summary>
    public static double? TprAtFpr(IReadOnlyList<double> scores, IReadOnlyList<bool> positive, double fpr)
    {
        Check(scores, positive);
        var negatives = scores.Where((_, i) => !positive[i]).OrderDescending().ToArray();
        var positives = scores.Where((_, i) => positive[i]).ToArray();
        if (negatives.Length == 0 || positives.Length == 0)
        {
            return null;
        }

        var allowed = (int)Math.Floor(fpr * negatives.Length);
        var threshold = negatives[Math.Min(allowed, negatives.Length - 1)];
        return (double)positives.Count(s => s > threshold) / positives.Length;
    }

    /// <summary>ROC points (FPR, TPR) from (0,0) to (1,1), one per distinct score.</summary>
    public static IReadOnlyList<(double Fpr, double Tpr)> Curve(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        Check(scores, positive);
        var nPos = Math.Max(1, positive.Count(p => p));
        var nNeg = Math.Max(1, positive.Count - positive.Count(p => p));
        var points = new List<(double, double)> { (0, 0) };
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        int tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (positive[order[i]])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (i + 1 == order.Length || scores[order[i + 1]] != scores[order[i]])
            {
                points.Add(((double)fp / nNeg, (double)tp / nPos));
            }
        }

        return points;
    }

    private static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count)
        {
            throw new ArgumentException("scores and labels differ in length.", nameof(positive));
        }
    }
}
