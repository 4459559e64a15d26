using System.CommandLine;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm map</c>: raw alerts to normalized alerts (JSON Lines) with ATT&amp;CK mappings.</summary>
internal static class MapCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("map", "Normalize raw alerts (GuardDuty, CloudTrail, Defender, SCC, Prisma, CSV) to JSON Lines with ATT&CK techniques.");
        var input = IngestRun.AddTo(command, env);
        var output = CliOptions.Out("normalized alerts (JSON Lines)");
        command.Options.Add(output);
        // One by default, so that `cstm map` measures (and costs) one core unless asked for more.
        var threads = CliOptions.Threads("Threads that detect and normalize records (one more reads, the main one writes); output identical for any N.", PipelineDefaults.Parallelism);
        command.Options.Add(threads);
        command.SetAction(parsed => VerbAction.Run(env, () =>
        {
            using var run = IngestRun.Start("map", parsed, input, env, parsed.GetValue(threads));
            using (var writer = new JsonLinesWriter(OutputFiles.Open(parsed.GetValue(output), env)))
            {
                foreach (var alert in run.Alerts())
                {
                    writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
                }
            }

            return run.Finish();
        }));
        return command;
    }
}
