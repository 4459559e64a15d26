using CstmML.Core.Alerts;
using CstmML.Ingestion.Pipeline;
using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Matching;

namespace CstmML.Playbooks.Tests.Matching;

/// <summary>The session remembers step matches by criteria fields: the remembered matches must be the computed ones.</summary>
public class CriteriaFieldsComparerTests
{
    private static readonly Lazy<(CompiledLibrary Library, NormalizedAlert[] Alerts)> Corpus = new(() =>
    {
        var library = new CompiledLibrary(PlaybookLoader.Load(RepoPaths.PlaybookLibrary).Playbooks);
        return (library, [.. AlertLoader.Load(Path.Combine(RepoPaths.Root, "training-data", "corpus"))]);
    });

    [Fact]
    public void MatchSteps_EveryCorpusAlert_SameAsTestingEveryStep()
    {
        // The indexed candidates (type, technique and parent, tactic, always) must find exactly the steps a test of
        // every step's criteria finds.
        var (library, alerts) = Corpus.Value;
        var session = new PlaybookMatchSession(library, new PlaybookEngineOptions(), TimeProvider.System);
        var matched = 0;
        foreach (var alert in alerts)
        {
            var expected = new List<(int, ulong)>();
            foreach (var p in library.Playbooks)
            {
                var mask = 0UL;
                foreach (var s in p.Steps)
                {
                    mask |= s.Criteria.IsMatch(alert) ? 1UL << s.Index : 0;
                }

                if (mask != 0)
                {
                    expected.Add((p.Index, mask));
                }
            }

            Assert.Equal(expected, session.MatchSteps(alert));
            matched += expected.Count > 0 ? 1 : 0;
        }

        Assert.True(matched > 100, $"only {matched} alerts match a step: the comparison proves little");
    }

    [Fact]
    public void Equals_CorpusAlertPairs_EqualOnlyWhenTheyMatchTheSameSteps()
    {
        var (library, alerts) = Corpus.Value;
        var session = new PlaybookMatchSession(library, new PlaybookEngineOptions(), TimeProvider.System);
        var comparer = CriteriaFieldsComparer.Instance;
        var equalPairs = 0;
        for (var i = 0; i + 1 < alerts.Length; i++)
        {
            var (a, b) = (alerts[i], alerts[(i * 7919) % alerts.Length]);
            var c = a with { Id = "copy", Time = a.Time.AddHours(1), Region = "elsewhere", SourceIp = "192.0.2.1" };

            Assert.True(comparer.Equals(a, c));
            Assert.Equal(comparer.GetHashCode(a), comparer.GetHashCode(c));
            Assert.Equal(session.MatchSteps(a), session.MatchSteps(c));
            if (comparer.Equals(a, b))
            {
                equalPairs++;
                Assert.Equal(comparer.GetHashCode(a), comparer.GetHashCode(b));
                Assert.Equal(session.MatchSteps(a), session.MatchSteps(b));
            }
        }

        var first = alerts[0];
        Assert.False(comparer.Equals(first, first with { Type = first.Type + "X" }));
        Assert.False(comparer.Equals(first, first with { Outcome = "Denied" + first.Outcome }));
        Assert.False(comparer.Equals(first, first with { UserAgent = first.UserAgent + "/x" }));
        Assert.False(comparer.Equals(first, first with { Techniques = [.. first.Techniques, TechniqueId.Parse("T1098")] }));
        Assert.True(equalPairs > 0);
    }

    [Fact]
    public void Process_MoreFieldSetsThanRemembered_BoundedAndStillDetects()
    {
        var engine = new PlaybookEngine([Yaml.Steps("""
            - name: describe
              match: {event_name: DescribeInstances}
            - name: whoami
              match: {event_name: GetCallerIdentity}
            """)]);
        var session = engine.CreateSession();
        var detections = new List<PlaybookDetection>();
        for (var i = 0; i < PlaybookMatchSession.MaxRememberedFieldSets + 50; i++)
        {
            detections.AddRange(session.Process(A.Ct($"Noise{i}", i / 1000.0)));
        }

        detections.AddRange(session.Process(A.Ct("DescribeInstances", 10)));
        detections.AddRange(session.Process(A.Ct("GetCallerIdentity", 11)));
        detections.AddRange(session.Flush());

        Assert.InRange(session.RememberedFieldSets, 1, PlaybookMatchSession.MaxRememberedFieldSets);
        Assert.Single(detections);
    }
}
