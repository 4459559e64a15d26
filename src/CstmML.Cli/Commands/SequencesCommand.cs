using System.CommandLine;
using CstmML.Core.Serialization;
using CstmML.Features.Sequencing;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm sequences</c>: normalized alerts grouped into per-principal sessions (JSON Lines).</summary>
internal static class SequencesCommand
{
    /// <summary>
    /// Batch verbs read files in delivery-time order (<see cref="ScoreInputOrder"/>: CloudTrail file-name stamps, S3
    /// date folders), so event time across S3-layout files is out of order by minutes; files without a time in their
    /// path (exports sorted by region or product) can be out of order by much more, so batch verbs keep a day of event
    /// time open: memory holds the open sessions of that day. The streaming host keeps the 15-minute default.
    /// </summary>
    public static readonly TimeSpan BatchLateness = TimeSpan.FromDays(1);

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("sequences", "Group alerts into per-principal sessions (account, principal; split on --max-gap and --max-span) as JSON Lines.");
        var input = IngestRun.AddTo(command, env);
        var output = CliOptions.Out("sequences (JSON Lines)");
        var maxGap = CliOptions.Duration("--max-gap", "A silence longer than this starts a new session.", SequencerDefaults.MaxGap);
        var maxSpan = CliOptions.Duration("--max-span", "No session lasts longer than this.", SequencerDefaults.MaxSpan);
        var lateness = CliOptions.Duration("--lateness", "How far behind the newest event time sessions stay open for out-of-order events (batch default 1d: files are read in delivery-time order, see docs/sequencing.md).", BatchLateness, allowZero: true);
        command.Options.Add(output);
        command.Options.Add(maxGap);
        command.Options.Add(maxSpan);
        command.Options.Add(lateness);
        command.SetAction(parsed => VerbAction.Run(env, () =>
        {
            var sequencer = new Sequencer(new SequencerOptions
            {
                MaxGap = parsed.GetValue(maxGap),
                MaxSpan = parsed.GetValue(maxSpan),
                Lateness = parsed.GetValue(lateness),
            });
            using var run = IngestRun.Start("sequences", parsed, input, env);
            using (var writer = new JsonLinesWriter(OutputFiles.Open(parsed.GetValue(output), env)))
            {
                // Same file order as `cstm score`, so both cut the same sessions from the same input.
                var (files, errors) = InputFiles.Expand(run.Inputs);
                foreach (var alert in run.Alerts([.. ScoreInputOrder.Order(files), .. errors.Select(e => e.File)]))
                {
                    WriteAll(writer, sequencer.Add(alert));
                }

                WriteAll(writer, sequencer.Flush());
            }

            var stats = sequencer.Stats;
            return run.Finish(s => s with { Sequences = stats.Emitted, LateAlerts = stats.LateAlerts });
        }));
        return command;
    }

    private static void WriteAll(JsonLinesWriter writer, IReadOnlyList<SequenceUpdate> updates)
    {
        foreach (var u in updates)
        {
            writer.Write(SequenceRecords.From(u), CstmJsonContext.Default.SequenceRecord);
        }
    }
}
