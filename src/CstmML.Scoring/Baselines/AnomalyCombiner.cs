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

        return Combine([markovP, k]);
    }

    /// <summary>-log10 of the Fisher-combined probability of any number (≥ 1) of signals.</summary>
    public static double Combine(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfZero(probabilities.Count);
        if (probabilities.Count == 1)
        {
            return -Math.Log10(probabilities[0]);
        }

        // χ² survival function with 2k degrees of freedom: e^{-h} Σ_{i<k} h^i / i!, h = x/2 = -Σ ln p.
        var h = -probabilities.Sum(Math.Log);
        var term = 1.0;
        var sum = 1.0;
        for (var i = 1; i < probabilities.Count; i++)
        {
            term *= h / i;
            sum += term;
        }

        // In log space: e^{-h} underflows long before the score stops meaning something.
        var log10P = (-h + Math.Log(sum)) / Math.Log(10.0);
        return -Math.Min(log10P, 0.0);
    }
}
