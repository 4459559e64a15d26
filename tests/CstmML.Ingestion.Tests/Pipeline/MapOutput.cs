using System.Text;
using System.Text.Json;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary>Everything a <c>cstm map</c> run produces, as text: the output lines, the rejects and the closing summary.</summary>
internal sealed record MapOutput(List<string> Alerts, List<string> Rejects, string Summary, long FastRecords, long PiecesKept = 0, long PieceRestarts = 0)
{
    /// <summary>Runs the real sources over <paramref name="inputs"/>.</summary>
    public static MapOutput Of(string[] inputs, PipelineOptions options)
    {
        var rejects = new List<string>();
        var pipeline = new AlertPipeline(SourceRegistry.Default, options, r => rejects.Add(JsonSerializer.Serialize(r, CstmJsonContext.Default.RejectRecord)));
        var alerts = new List<string>();
        using (var buffer = new MemoryStream())
        {
            using (var writer = new JsonLinesWriter(buffer, leaveOpen: true))
            {
                foreach (var alert in pipeline.Run(inputs))
                {
                    writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
                }
            }

            alerts.AddRange(Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        // The invariant every run must keep.
        Assert.Equal(pipeline.Counters.Read, pipeline.Counters.Normalized + pipeline.Counters.Rejected + pipeline.Counters.Duplicate);
        Assert.Equal(alerts.Count, pipeline.Counters.Normalized);
        var summary = JsonSerializer.Serialize(pipeline.Counters.ToSummary("map", TimeSpan.Zero), CstmJsonContext.Default.RunSummary);
        return new MapOutput(alerts, rejects, summary, pipeline.FastPathRecords, pipeline.PiecesKept, pipeline.PieceRestarts);
    }
}
