using CstmML.Scoring.Actor;

namespace CstmML.Training.Actor;

/// <summary>Fits the temperature T minimizing the negative log-likelihood of the true class (golden-section search on 1/T, where NLL is convex).</summary>
internal static class TemperatureFitter
{
    private const double MinInverse = 0.02;
    private const double MaxInverse = 20.0;
    private const int Iterations = 80;

    /// <summary>The fitted temperature; 1 when there is nothing to fit.</summary>
    public static double Fit(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth)
    {
        if (probabilities.Count == 0)
        {
            return 1.0;
        }

        double a = MinInverse, b = MaxInverse;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var c = b - (ratio * (b - a));
        var d = a + (ratio * (b - a));
        double fc = Nll(probabilities, truth, 1 / c), fd = Nll(probabilities, truth, 1 / d);
        for (var i = 0; i < Iterations; i++)
        {
            if (fc <= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (ratio * (b - a));
                fc = Nll(probabilities, truth, 1 / c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (ratio * (b - a));
                fd = Nll(probabilities, truth, 1 / d);
            }
        }

        return 1 / ((a + b) / 2);
    }

    /// <summary>Mean negative log-likelihood of the true class after temperature <paramref name="temperature"/>.</summary>
    public static double Nll(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth, double temperature)
    {
        var sum = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = TemperatureScaling.Apply(probabilities[i], temperature);
            sum -= Math.Log(Math.Max(p[truth[i]], 1e-15));
        }

        return sum / probabilities.Count;
    }
}
