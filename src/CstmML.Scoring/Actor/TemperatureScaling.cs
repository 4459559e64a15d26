namespace CstmML.Scoring.Actor;

/// <summary>Temperature scaling of class probabilities: p'_k = softmax(log p_k / T). T &gt; 1 softens, T &lt; 1 sharpens.</summary>
public static class TemperatureScaling
{
    // Probabilities are clamped before the log so a hard 0 from a tree model stays finite.
    private const double MinProbability = 1e-12;

    /// <summary>Applies temperature <paramref name="temperature"/> to one probability vector.</summary>
    public static double[] Apply(ReadOnlySpan<float> probabilities, double temperature)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        var result = new double[probabilities.Length];
        var max = double.NegativeInfinity;
        for (var k = 0; k < probabilities.Length; k++)
        {
            result[k] = Math.Log(Math.Max(probabilities[k], MinProbability)) / temperature;
            max = Math.Max(max, result[k]);
        }

        var sum = 0.0;
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = Math.Exp(result[k] - max);
            sum += result[k];
        }

        for (var k = 0; k < result.Length; k++)
        {
            result[k] /= sum;
        }

        return result;
    }
}
