using System.Text.Json;
using CstmML.Cli.Commands;
using CstmML.Features.Sequencing;
using CstmML.Ingestion.Pipeline;
using CstmML.Scoring.Engine;
using CstmML.Scoring.Results;

namespace CstmML.Cli.Tests.Commands;

public sealed class ScorePipelineTests
{
    [Fact]
    public void Run_AnyBatchSizeOrWorkerCount_IdenticalResultsInTheSameOrder()
    {
        // The bundled sample through the default model: the batch a sequence is scored in (one ONNX run per batch) and
        // the number of workers must change nothing, not even a last bit of a probability.
        using var engine = ScoringEngine.Load(ScoreRepoPaths.Of("models/default"));
        var alerts = AlertLoader.Load(ScoreRepoPaths.Of("training-data/samples")).ToList();
        var sequencing = new SequencerOptions { Lateness = TimeSpan.FromDays(1) };

        string Score(int workers, int batchSize)
        {
            var lines = new List<string>();
            new ScorePipeline(engine, sequencing, workers, batchSize: batchSize)
                .Run(alerts, r => lines.Add(JsonSerializer.Serialize(r, ScoringResultJsonContext.Default.ScoringResult)));
            return string.Join('\n', lines);
        }

        var reference = Score(1, ScorePipeline.BatchSize);
        Assert.Equal(55, reference.Split('\n').Length);
        Assert.Equal(reference, Score(1, 1));
        Assert.Equal(reference, Score(2, 7));
        Assert.Equal(reference, Score(2, 256));
    }
}
