using CstmML.Scoring.Actor;
using CstmML.Training.Actor;
using CstmML.Training.Evaluation;

namespace CstmML.Training.Tests.Actor;

public class TemperatureFitterTests
{
    [Fact]
    public void Fit_OverconfidentToyModel_SoftensAndLowersEce()
    {
        // A 3-class model that says 0.96 for its pick but is right 60% of the time (seeded).
        var random = new Random(42);
        var probabilities = new List<float[]>();
        var truth = new List<int>();
        for (var i = 0; i < 500; i++)
        {
            var pick = random.Next(3);
            var p = new float[3];
            Array.Fill(p, 0.02f);
            p[pick] = 0.96f;
            probabilities.Add(p);
            truth.Add(random.NextDouble() < 0.6 ? pick : (pick + 1 + random.Next(2)) % 3);
        }

        var t = TemperatureFitter.Fit(probabilities, truth);
        double Ece(double temperature)
        {
            var calibrated = probabilities.Select(p => TemperatureScaling.Apply(p, temperature)).ToArray();
            return CalibrationMetrics.ExpectedCalibrationError(
                calibrated.Select(c => c.Max()).ToArray(),
                calibrated.Select((c, i) => Array.IndexOf(c, c.Max()) == truth[i]).ToArray());
        }

        Assert.True(t > 1.5, $"T = {t}");
        Assert.True(Ece(t) < Ece(1.0) / 4, $"ECE {Ece(1.0)} -> {Ece(t)}");
        Assert.True(TemperatureFitter.Nll(probabilities, truth, t) < TemperatureFitter.Nll(probabilities, truth, 1.0));
    }

    [Fact]
    public void Fit_NoRows_IsOne() => Assert.Equal(1.0, TemperatureFitter.Fit([], []));
}
