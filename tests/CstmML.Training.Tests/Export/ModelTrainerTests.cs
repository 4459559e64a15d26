using System.Diagnostics;
using CstmML.Training.Export;
using CstmML.Training.Tests.Evaluation;
using Xunit.Abstractions;

namespace CstmML.Training.Tests.Export;

public class ModelTrainerTests(ITestOutputHelper output)
{
    internal static readonly TrainingOptions FastOptions = new()
    {
        Seed = 3,
        Actor = new() { LightGbmIterations = 20, LinearMaxIterations = 50 },
        Report = false,
    };

    [Fact]
    public void Train_TinySyntheticCorpus_FinishesQuicklyWithUsableMetrics()
    {
        var data = SyntheticCorpus.Generate();
        var clock = Stopwatch.StartNew();
        var model = ModelTrainer.Train(data, TinyFeaturizer.Schema, FastOptions, new Progress<string>(output.WriteLine));
        clock.Stop();
        output.WriteLine($"rows {data.Count}, train time {clock.Elapsed.TotalSeconds:0.00} s");
        foreach (var (k, v) in model.Manifest.Metrics)
        {
            output.WriteLine($"{k} = {v:0.####}");
        }

        foreach (var (k, v) in model.Timings)
        {
            output.WriteLine($"timing {k} = {v.TotalSeconds:0.00} s");
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"training took {clock.Elapsed}");
        Assert.True(model.Manifest.Metrics["actor.macro_f1"] > 0.5);
        Assert.True(model.Manifest.Metrics["anomaly.roc_auc"] > 0.7);
    }
}
