using System.CommandLine;
using System.Globalization;
using CstmML.Training.Simulation;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm simulate</c>: writes a deterministic, labelled, synthetic corpus in the providers' native formats.</summary>
public static class SimulateCommand
{
    /// <summary>Exit code for invalid options (DESIGN.md: 2 = usage).</summary>
    public const int UsageError = 2;

    /// <summary>Builds the command; <paramref name="output"/> receives the summary (standard output by default).</summary>
    public static Command Create(TextWriter? output = null, TextWriter? error = null)
    {
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder to write the corpus into (its generated sub-folders are replaced).", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Seed of every random stream; the same options give byte-identical output.", DefaultValueFactory = _ => SimulationDefaults.Seed };
        var daysOption = new Option<int>("--days") { Description = "Number of simulated days.", DefaultValueFactory = _ => SimulationDefaults.Days };
        var sequencesOption = new Option<int>("--sequences") { Description = "Approximate number of benign sessions (adds AWS accounts until reached).", DefaultValueFactory = _ => SimulationDefaults.BenignSequences };
        var incidentsOption = new Option<int>("--incidents-per-actor") { Description = "Incidents injected per actor class.", DefaultValueFactory = _ => SimulationDefaults.IncidentsPerActor };
        var fileMinutesOption = new Option<int>("--file-minutes") { Description = "Minutes of activity per CloudTrail file (CloudTrail delivers about every 5).", DefaultValueFactory = _ => SimulationDefaults.CloudTrailFileMinutes };
        var startOption = new Option<string>("--start") { Description = "First simulated instant, ISO 8601 UTC (default 2026-03-02T00:00:00Z, a Monday)." };

        var command = new Command("simulate", "Generate a synthetic labelled corpus: CloudTrail, GuardDuty, Defender and SCC files plus labels.csv and manifest.json.");
        command.Options.Add(outOption);
        command.Options.Add(seedOption);
        command.Options.Add(daysOption);
        command.Options.Add(sequencesOption);
        command.Options.Add(incidentsOption);
        command.Options.Add(fileMinutesOption);
        command.Options.Add(startOption);
        command.SetAction(parseResult =>
        {
            var stdout = output ?? Console.Out;
            var stderr = error ?? Console.Error;
            var start = SimulationDefaults.Start;
            if (parseResult.GetValue(startOption) is { Length: > 0 } startText
                && !DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out start))
            {
                stderr.WriteLine($"--start: '{startText}' is not an ISO 8601 time such as 2026-03-02T00:00:00Z.");
                return UsageError;
            }

            var options = new SimulationOptions
            {
                Seed = parseResult.GetValue(seedOption),
                Days = parseResult.GetValue(daysOption),
                BenignSequences = parseResult.GetValue(sequencesOption),
                IncidentsPerActor = parseResult.GetValue(incidentsOption),
                CloudTrailFileMinutes = parseResult.GetValue(fileMinutesOption),
                Start = start.ToUniversalTime(),
            };
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    stderr.WriteLine(problem);
                }

                return UsageError;
            }

            var summary = Simulator.Run(options, parseResult.GetValue(outOption)!.FullName);
            stdout.WriteLine($"Wrote {summary.Files} files to {summary.OutputDirectory}");
            stdout.WriteLine($"  CloudTrail records {summary.CloudTrailRecords}, GuardDuty findings {summary.GuardDutyFindings}, Defender alerts {summary.DefenderAlerts}, SCC findings {summary.SccFindings}");
            stdout.WriteLine($"  benign sessions {summary.BenignSessions}, label rows {summary.LabelRows}");
            stdout.WriteLine("  incidents: " + string.Join(", ", summary.IncidentsPerActor.Select(p => $"{p.Key} {p.Value}")));
            stdout.WriteLine($"  content sha256 {summary.ContentSha256}");
            return 0;
        });
        return command;
    }
}
