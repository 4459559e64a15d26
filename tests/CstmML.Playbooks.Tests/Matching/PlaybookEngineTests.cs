using System.Text.Json;
using CstmML.Features.Sequencing;
using CstmML.Ingestion.Pipeline;
using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Matching;

namespace CstmML.Playbooks.Tests.Matching;

public class PlaybookEngineTests
{
    [Fact]
    public void Match_EverySequenceOfTheBundledCorpus_SameDetectionsAsAStreamingSession()
    {
        // The batch path skips sequences no step can open and matches sorted alerts without a reordering buffer; the
        // reference is a plain streaming session with the default lateness, fed the same alerts, then flushed.
        var library = PlaybookLoader.Load(RepoPaths.PlaybookLibrary);
        Assert.False(library.HasErrors);
        var engine = new PlaybookEngine(library.Playbooks);
        var sequences = BatchSequencing.Sequence(AlertLoader.Load(Path.Combine(RepoPaths.Root, "training-data", "corpus")));
        Assert.True(sequences.Count > 1000, $"only {sequences.Count} sequences");
        var withDetections = 0;
        foreach (var sequence in sequences)
        {
            var session = engine.CreateSession();
            var expected = sequence.Alerts.SelectMany(session.Process).ToList();
            expected.AddRange(session.Flush());
            expected.Sort(DetectionOrderComparer.Instance);

            var actual = engine.Match(sequence);

            Assert.Equal(Json(expected), Json(actual));
            withDetections += actual.Count > 0 ? 1 : 0;
        }

        Assert.True(withDetections > 50, $"only {withDetections} sequences with detections: the comparison proves little");
    }

    private static string Json(IEnumerable<PlaybookDetection> detections) =>
        string.Join('\n', detections.Select(d => JsonSerializer.Serialize(d)));
}
