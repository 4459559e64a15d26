using System.CommandLine;
using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Fixtures;
using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Model;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm playbooks list | validate | test</c>.</summary>
public static class PlaybooksCommand
{
    /// <summary>Exit code when validation or a fixture failed.</summary>
    public const int Failed = 1;

    /// <summary>Builds the command; <paramref name="loadAlerts"/> turns one raw input file into alerts (the ingestion pipeline).</summary>
    public static Command Create(Func<string, IEnumerable<NormalizedAlert>> loadAlerts)
    {
        ArgumentNullException.ThrowIfNull(loadAlerts);
        var command = new Command("playbooks", "List, validate and test actor playbooks");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Test(loadAlerts));
        return command;
    }

    private static Command List()
    {
        var library = PlaybooksLibraryOption.Create();
        var command = new Command("list", "List the playbooks of a library") { library };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var result = PlaybookLoader.Load(parse.GetValue(library) ?? []);
            output.WriteLine("id\tversion\tactor_or_behaviour\tseverity\tsteps\tminimum\tgroup_by\twindow");
            foreach (var p in result.Playbooks.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                output.WriteLine(string.Join('\t', p.Id, p.Version.ToString(CultureInfo.InvariantCulture), p.Label, Lower(p.Severity),
                    p.PositiveStepCount.ToString(CultureInfo.InvariantCulture), p.EffectiveMinimum.ToString(CultureInfo.InvariantCulture),
                    GroupByText(p.GroupBy), DurationText.Format(p.Window)));
            }

            WriteIssues(parse.InvocationConfiguration.Error, result.Issues);
            return result.HasErrors ? Failed : 0;
        });
        return command;
    }

    private static Command Validate()
    {
        var library = PlaybooksLibraryOption.Create();
        var command = new Command("validate", "Check playbooks against the format, the pinned ATT&CK catalog and the engine's rules") { library };
        command.SetAction(parse =>
        {
            var result = PlaybookLoader.Load(parse.GetValue(library) ?? []);
            var output = parse.InvocationConfiguration.Output;
            WriteIssues(output, result.Issues);
            var errors = result.Issues.Count(i => i.Severity == IssueSeverity.Error);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Playbooks.Count} playbooks loaded, {errors} errors, {result.Issues.Count - errors} warnings"));
            return errors > 0 ? Failed : 0;
        });
        return command;
    }

    private static Command Test(Func<string, IEnumerable<NormalizedAlert>> loadAlerts)
    {
        var library = PlaybooksLibraryOption.Create();
        var id = new Option<string[]>("--id") { Description = "Only these playbook ids", AllowMultipleArgumentsPerToken = true };
        var command = new Command("test", "Run every playbook's positive and negative fixtures through the engine") { library, id };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var report = new PlaybookFixtureRunner(loadAlerts).Run(parse.GetValue(library) ?? []);
            var only = parse.GetValue(id) is { Length: > 0 } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
            var results = report.Results.Where(r => only is null || only.Contains(r.PlaybookId)).ToList();
            foreach (var r in results)
            {
                output.WriteLine(r.ToString());
            }

            var issues = report.Issues.Where(i => only is null || i.PlaybookId is null || only.Contains(i.PlaybookId)).ToList();
            WriteIssues(output, issues);
            var failed = results.Count(r => !r.Passed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fixtures: {results.Count - failed} passed, {failed} failed"));
            return failed > 0 || issues.Any(i => i.Severity == IssueSeverity.Error) ? Failed : 0;
        });
        return command;
    }

    private static void WriteIssues(TextWriter writer, IEnumerable<PlaybookIssue> issues)
    {
        foreach (var issue in issues)
        {
            writer.WriteLine(issue.ToString());
        }
    }

    private static string Lower(PlaybookSeverity s) => s switch
    {
        PlaybookSeverity.Low => "low",
        PlaybookSeverity.Medium => "medium",
        PlaybookSeverity.High => "high",
        _ => "critical",
    };

    private static string GroupByText(GroupBy g) => g switch
    {
        GroupBy.Account => PlaybookYamlKeys.GroupByAccount,
        GroupBy.Principal => PlaybookYamlKeys.GroupByPrincipal,
        GroupBy.SourceIp => PlaybookYamlKeys.GroupBySourceIp,
        _ => PlaybookYamlKeys.GroupByAccountPrincipal,
    };
}
