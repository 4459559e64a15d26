namespace CstmML.Scoring.Baselines;

/// <summary>
/// Combines per-signal tail probabilities with Fisher's method: X = -2 Σ ln p_i is χ² with 2k degrees of freedom
/// when the signals are independent; the score is -log10 of the combined p (higher = more anomalous).
/// Independence does not hold exactly, so the score ranks rather than tests; thresholds come from each baseline's own scores.
/// </summary>
public static class AnomalyCombiner
{
    /// <summary>-log10 of the Fisher-combined probability of one or two signals.</summary>
    public static double Combine(double markovP, double? kmeansP)
    {
        if (kmeansP is not { } k)
        {
            return -Math.Log10(markovP);
        }

        // χ² survival function with 4 degrees of freedom: e^{-x/2} (1 + x/2).
        var x = -2.0 * (Math.Log(markovP) + Math.Log(k));
        var p = Math.Exp(-x / 2.0) * (1.0 + (x / 2.0));
        return -Math.Log10(Math.Max(p, double.Epsilon));
    }
}
