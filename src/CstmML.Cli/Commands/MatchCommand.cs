using System.CommandLine;
using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Playbooks.Loading;
using CstmML.Playbooks.Matching;
using CstmML.Playbooks.Output;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm match --input PATH... [--playbooks DIR] [--out FILE]</c>: detections as JSON Lines.</summary>
public static class MatchCommand
{
    /// <summary>Exit code when some input or playbook was rejected but the rest was matched.</summary>
    public const int PartialInput = 1;

    /// <summary>Builds the command; <paramref name="loadAlerts"/> reads one PATH argument (file, folder or glob) into alerts.</summary>
    public static Command Create(Func<string, IEnumerable<NormalizedAlert>> loadAlerts)
    {
        ArgumentNullException.ThrowIfNull(loadAlerts);
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Alert files, folders or globs (any format the ingestion pipeline reads)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var library = PlaybooksLibraryOption.Create();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write JSON Lines here instead of stdout" };
        var command = new Command("match", "Match alerts against the playbook library; one JSON line per detection that reaches its playbook's minimum")
        {
            input, library, output,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var load = PlaybookLoader.Load(parse.GetValue(library) ?? []);
            foreach (var issue in load.Issues.Where(i => i.Severity == IssueSeverity.Error))
            {
                error.WriteLine(issue.ToString());
            }

            var rejected = load.HasErrors;
            var alerts = new List<NormalizedAlert>();
            foreach (var path in parse.GetValue(input) ?? [])
            {
                try
                {
                    alerts.AddRange(loadAlerts(path));
                }
                catch (Exception ex)
                {
                    // One unreadable input never stops the others (DESIGN: malformed input is reported, not fatal).
                    error.WriteLine($"{path}: {ex.Message}");
                    rejected = true;
                }
            }

            var result = new PlaybookEngine(load.Playbooks).Match(alerts);
            var outFile = parse.GetValue(output);
            if (outFile is null)
            {
                DetectionJson.WriteLines(result.Detections, parse.InvocationConfiguration.Output);
            }
            else
            {
                using var writer = new StreamWriter(outFile.FullName);
                DetectionJson.WriteLines(result.Detections, writer);
            }

            var s = result.Stats;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.AlertsProcessed} alerts, {load.Playbooks.Count} playbooks, {s.Detections} detections (late {s.AlertsLate}, ungrouped {s.AlertsUngrouped}, overflow {s.Overflow})"));
            return rejected ? PartialInput : 0;
        });
        return command;
    }
}
