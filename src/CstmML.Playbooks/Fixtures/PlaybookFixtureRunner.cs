using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Matching;
using CstmML.Playbooks.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CstmML.Playbooks.Fixtures;

/// <summary>
/// Runs every playbook's fixtures (<c>&lt;id&gt;/fixtures/positive-*</c>, <c>negative-*</c>: raw provider files or
/// folders of them) through the engine. Raw records become alerts through the injected loader, so the runner uses
/// the same ingestion pipeline as <c>cstm match</c>. Never throws for bad fixtures: each failure is a result.
/// </summary>
public sealed class PlaybookFixtureRunner
{
    private readonly Func<string, IEnumerable<NormalizedAlert>> _loadAlerts;
    private readonly PlaybookEngineOptions _options;

    /// <param name="loadAlerts">Reads one raw file (CloudTrail, GuardDuty, Defender ...) into normalized alerts.</param>
    public PlaybookFixtureRunner(Func<string, IEnumerable<NormalizedAlert>> loadAlerts, PlaybookEngineOptions? options = null)
    {
        _loadAlerts = loadAlerts ?? throw new ArgumentNullException(nameof(loadAlerts));
        _options = options ?? new PlaybookEngineOptions();
    }

    /// <summary>Loads the library at <paramref name="paths"/> and runs all fixtures.</summary>
    public FixtureRunReport Run(params IEnumerable<string> paths)
    {
        var load = PlaybookLoader.Load(paths);
        var results = new List<FixtureResult>();
        var issues = new List<PlaybookIssue>(load.Issues);
        foreach (var p in load.Playbooks)
        {
            results.AddRange(RunPlaybook(p, issues));
        }

        return new FixtureRunReport(results, issues);
    }

    /// <summary>Runs the fixtures beside one playbook; problems with the fixture set are added to <paramref name="issues"/>.</summary>
    public IReadOnlyList<FixtureResult> RunPlaybook(Playbook playbook, List<PlaybookIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(issues);
        var file = playbook.Position?.File ?? string.Empty;
        var dir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", FixtureNames.Folder);
        var where = new SourcePosition(dir, 0, 0);
        if (!Directory.Exists(dir))
        {
            issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.MissingFixture, "no fixtures folder: add positive-* and negative-* examples", where, playbook.Id));
            return [];
        }

        var expectations = ReadExpectations(Path.Combine(dir, FixtureNames.ExpectFile), playbook.Id, issues);
        var entries = Directory.EnumerateFileSystemEntries(dir)
            .Where(e => Path.GetFileName(e) != FixtureNames.ExpectFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        var engine = new PlaybookEngine([playbook], _options);
        var results = new List<FixtureResult>();
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            var expected = expectations.GetValueOrDefault(name) ?? FromName(name);
            if (expected is null)
            {
                issues.Add(new PlaybookIssue(IssueSeverity.Warning, IssueCodes.BadExpectation,
                    $"fixture '{name}' is skipped: its name must start with '{FixtureNames.PositivePrefix}' or '{FixtureNames.NegativePrefix}', or {FixtureNames.ExpectFile} must list it",
                    new SourcePosition(entry, 0, 0), playbook.Id));
                continue;
            }

            results.Add(RunOne(engine, playbook.Id, entry, expected));
        }

        foreach (var missing in expectations.Keys.Where(k => !entries.Any(e => Path.GetFileName(e) == k)))
        {
            issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.BadExpectation, $"{FixtureNames.ExpectFile} names '{missing}', which does not exist", new SourcePosition(Path.Combine(dir, FixtureNames.ExpectFile), 0, 0), playbook.Id));
        }

        if (!results.Any(r => r.Expected.Matched) || !results.Any(r => !r.Expected.Matched))
        {
            issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.MissingFixture, "a playbook needs at least one positive and one negative fixture", where, playbook.Id));
        }

        return results;
    }

    private FixtureResult RunOne(PlaybookEngine engine, string id, string entry, FixtureExpectation expected)
    {
        var files = Directory.Exists(entry)
            ? Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [entry];
        var alerts = new List<NormalizedAlert>();
        try
        {
            foreach (var f in files)
            {
                alerts.AddRange(_loadAlerts(f));
            }
        }
        catch (Exception ex)
        {
            // The loader is another team's code: a crash in it is reported against this fixture, never fatal.
            return new FixtureResult(id, entry, expected, false, 0, alerts.Count, $"cannot load: {ex.Message}");
        }

        var detections = engine.Match(alerts).Detections.Where(d => d.PlaybookId == id).ToList();
        var steps = detections.Count == 0 ? 0 : detections.Max(d => d.StepsMatched);
        return new FixtureResult(id, entry, expected, detections.Count > 0, steps, alerts.Count);
    }

    private static FixtureExpectation? FromName(string name) =>
        name.StartsWith(FixtureNames.PositivePrefix, StringComparison.Ordinal) ? new FixtureExpectation(true)
        : name.StartsWith(FixtureNames.NegativePrefix, StringComparison.Ordinal) ? new FixtureExpectation(false)
        : null;

    /// <summary>Reads <c>expect.yaml</c>: a mapping from fixture name to <c>{matched, steps_matched}</c>.</summary>
    private static Dictionary<string, FixtureExpectation> ReadExpectations(string path, string id, List<PlaybookIssue> issues)
    {
        var result = new Dictionary<string, FixtureExpectation>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        void Bad(YamlNode? node, string message) => issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.BadExpectation, message,
            new SourcePosition(path, node?.Start.Line ?? 0, node?.Start.Column ?? 0), id));

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            issues.Add(new PlaybookIssue(IssueSeverity.Error, IssueCodes.YamlSyntax, ex.Message, new SourcePosition(path, ex.Start.Line, ex.Start.Column), id));
            return result;
        }

        if (stream.Documents.Count == 0)
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Bad(stream.Documents[0].RootNode, "expect.yaml must map fixture names to {matched, steps_matched}");
            return result;
        }

        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (value is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(FixtureNames.Matched), out var matchedNode)
                || (matchedNode as YamlScalarNode)?.Value is not ("true" or "false"))
            {
                Bad(value, $"'{name}' needs '{FixtureNames.Matched}: true|false'");
                continue;
            }

            int? steps = null;
            if (map.Children.TryGetValue(new YamlScalarNode(FixtureNames.StepsMatched), out var stepsNode))
            {
                if (int.TryParse((stepsNode as YamlScalarNode)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    steps = n;
                }
                else
                {
                    Bad(stepsNode, $"'{name}': '{FixtureNames.StepsMatched}' must be a non-negative integer");
                    continue;
                }
            }

            result[name] = new FixtureExpectation(((YamlScalarNode)matchedNode).Value == "true", steps);
        }

        return result;
    }
}
