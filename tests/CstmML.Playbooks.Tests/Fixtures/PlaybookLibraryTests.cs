using CstmML.Ingestion.Pipeline;
using CstmML.Playbooks.Fixtures;
using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Matching;

namespace CstmML.Playbooks.Tests.Fixtures;

/// <summary>The shipped library under models/playbooks: loads cleanly and every fixture gives its expected result.</summary>
public class PlaybookLibraryTests
{
    private static readonly Lazy<FixtureRunReport> Report = new(() =>
        new PlaybookFixtureRunner(AlertLoader.LoadStrict).Run(RepoPaths.PlaybookLibrary));

    public static TheoryData<string> PlaybookIds()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RepoPaths.PlaybookLibrary).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void Load_Library_AtLeastFifteenPlaybooksWithoutErrors()
    {
        var result = PlaybookLoader.Load(RepoPaths.PlaybookLibrary);

        Assert.True(result.Playbooks.Count >= 15, $"{result.Playbooks.Count} playbooks");
        Assert.Empty(result.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ToString()));
        Assert.All(result.Playbooks, p => Assert.True(p.References.Count >= 2, $"{p.Id} cites {p.References.Count} references"));
    }

    [Fact]
    public void Load_Library_NoWarnings()
    {
        var result = PlaybookLoader.Load(RepoPaths.PlaybookLibrary);

        Assert.True(result.Issues.Count == 0, string.Join("\n", result.Issues));
    }

    [Theory]
    [MemberData(nameof(PlaybookIds))]
    public void Run_EachPlaybook_FixturesPassAndIncludePositiveAndNegative(string id)
    {
        var results = Report.Value.Results.Where(r => r.PlaybookId == id).ToList();

        Assert.Contains(results, r => r.Expected.Matched);
        Assert.Contains(results, r => !r.Expected.Matched);
        Assert.All(results, r => Assert.True(r.AlertCount > 0, r.ToString()));
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
        Assert.True(!Report.Value.Issues.Any(i => i.PlaybookId == id), string.Join("\n", Report.Value.Issues));
    }

    [Fact]
    public void Match_WholeLibraryOverAllFixtures_EachPositiveDetectedByItsOwnPlaybook()
    {
        // The library as one engine (as cstm match runs it): other playbooks may fire too, but never drop a detection.
        var load = PlaybookLoader.Load(RepoPaths.PlaybookLibrary);
        var engine = new PlaybookEngine(load.Playbooks);
        foreach (var p in load.Playbooks)
        {
            var dir = Path.Combine(RepoPaths.PlaybookLibrary, p.Id, FixtureNames.Folder);
            foreach (var entry in Directory.EnumerateFileSystemEntries(dir, FixtureNames.PositivePrefix + "*"))
            {
                var files = Directory.Exists(entry) ? Directory.GetFiles(entry) : [entry];
                var detections = engine.Match(files.SelectMany(AlertLoader.LoadStrict)).Detections;

                Assert.Contains(detections, d => d.PlaybookId == p.Id);
            }
        }
    }
}
