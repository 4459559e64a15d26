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

    [Fact]
    public void Match_LargeThenSmallThenLargeSequence_SameAsFreshEngine()
    {
        // The thread's session is reset and reused between sequences: a long sequence with detections must leave
        // nothing (partial matches, watermark, buffered state) that changes the next, shorter one, or the one after.
        var (engine, sequences) = Corpus();
        var withDetections = sequences.Where(s => engine.Match(s).Count > 0).OrderByDescending(s => s.Alerts.Count).ToArray();
        var large = withDetections[0];
        var small = withDetections[^1];
        Assert.True(large.Alerts.Count > small.Alerts.Count);
        var expectedLarge = Json(Fresh().Match(large));
        var expectedSmall = Json(Fresh().Match(small));

        Assert.Equal(expectedLarge, Json(engine.Match(large)));
        Assert.Equal(expectedSmall, Json(engine.Match(small)));
        Assert.Equal(expectedLarge, Json(engine.Match(large)));
        Assert.NotEqual(string.Empty, expectedSmall);
    }

    [Fact]
    public void Match_FourThreadsAtOnce_SameDetectionsAsSerial()
    {
        // One engine, one reusable session per thread: threads matching different sequences at the same time must
        // each get what a single thread gets.
        var (engine, sequences) = Corpus();
        var serial = sequences.Select(s => Json(engine.Match(s))).ToArray();
        var parallel = new string[4][];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            // Each thread walks the corpus from a different start, so different sequences overlap in time.
            var mine = new string[sequences.Count];
            for (var k = 0; k < sequences.Count; k++)
            {
                var i = (k + (t * sequences.Count / 4)) % sequences.Count;
                mine[i] = Json(engine.Match(sequences[i]));
            }

            parallel[t] = mine;
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());

        Assert.All(parallel, p => Assert.Equal(serial, p));
        Assert.Contains(serial, json => json.Length > 0);
    }

    [Fact]
    public void Process_PooledRunsAndStates_SameDetectionsAndStatsAsWithoutPools()
    {
        // One long stream per session over the whole corpus (many keys, runs ending and starting), with and without
        // reuse of ended partial matches and key states.
        var (engine, sequences) = Corpus();
        var alerts = sequences.SelectMany(s => s.Alerts).OrderBy(a => a.Time).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
        var pooled = engine.CreateSession();
        var plain = engine.CreateSession();
        plain.PoolCapacity = 0;

        var expected = alerts.SelectMany(plain.Process).Concat(plain.Flush()).ToList();
        var actual = alerts.SelectMany(pooled.Process).Concat(pooled.Flush()).ToList();

        Assert.Equal(Json(expected), Json(actual));
        Assert.Equal(plain.Stats, pooled.Stats);
        Assert.True(pooled.Stats.PartialMatchesOpened > 1000, $"only {pooled.Stats.PartialMatchesOpened} partial matches: little reuse to check");
    }

    private static PlaybookEngine Fresh() => new(PlaybookLoader.Load(RepoPaths.PlaybookLibrary).Playbooks);

    private static (PlaybookEngine Engine, IReadOnlyList<Core.Sequences.AlertSequence> Sequences) Corpus() =>
        (Fresh(), BatchSequencing.Sequence(AlertLoader.Load(Path.Combine(RepoPaths.Root, "training-data", "corpus"))));

    private static string Json(IEnumerable<PlaybookDetection> detections) =>
        string.Join('\n', detections.Select(d => JsonSerializer.Serialize(d)));
}
