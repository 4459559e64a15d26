using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Sources.Csv;
using CstmML.Testing;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary>Runs the pipeline (fake JSON source + real CSV source) and keeps everything it produced.</summary>
internal sealed class PipelineRun
{
    public static readonly SourceRegistry Registry = new([FakeAlertSource.Instance, CsvAlertSource.Instance]);

    private PipelineRun(List<NormalizedAlert> alerts, List<RejectRecord> rejects, PipelineCounters counters)
    {
        Alerts = alerts;
        Rejects = rejects;
        Counters = counters;
    }

    public List<NormalizedAlert> Alerts { get; }

    public List<RejectRecord> Rejects { get; }

    public PipelineCounters Counters { get; }

    public static PipelineRun Of(params string[] inputs) => Of(new PipelineOptions(), inputs);

    public static PipelineRun Of(PipelineOptions options, params string[] inputs)
    {
        var rejects = new List<RejectRecord>();
        var pipeline = new AlertPipeline(Registry, options, rejects.Add);
        var alerts = pipeline.Run(inputs).ToList();
        // The invariant every run must keep, whatever the input.
        Assert.Equal(pipeline.Counters.Read, pipeline.Counters.Normalized + pipeline.Counters.Rejected + pipeline.Counters.Duplicate);
        Assert.Equal(rejects.Count, pipeline.Counters.Rejected);
        Assert.Equal(alerts.Count, pipeline.Counters.Normalized);
        return new PipelineRun(alerts, rejects, pipeline.Counters);
    }

    /// <summary>A fake-source record as one JSON line.</summary>
    public static string Rec(string id, string time = "2024-05-01T12:00:00Z", string type = "Mapped") =>
        $$"""{"fakeType":"{{type}}","id":"{{id}}","time":"{{time}}","actor":"arn:aws:iam::1:role/r","account":"1"}""";
}
